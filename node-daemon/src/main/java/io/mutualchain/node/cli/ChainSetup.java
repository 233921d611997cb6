package io.mutualchain.node.cli;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Allocation;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.types.Mtn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The genesis that {@code testnet} writes: the validators given, a funded faucet key for trying
 * things and for {@code bench}, and the rest of the fixed supply with a reserve key. The key files
 * are written beside the genesis.
 */
final class ChainSetup {
    static final String FAUCET_KEY = "faucet.key.json";
    static final String RESERVE_KEY = "reserve.key.json";
    /** What the faucet holds at genesis. */
    static final long FAUCET_FUNDS = 10_000_000L * Mtn.UNIT;

    private ChainSetup() {
    }

    static Genesis genesis(String chainId, List<Validator> validators, Path dir) throws IOException {
        KeyPair faucet = readOrCreate(dir.resolve(FAUCET_KEY));
        KeyPair reserve = readOrCreate(dir.resolve(RESERVE_KEY));
        return new Genesis(chainId, System.currentTimeMillis(), validators,
                List.of(new Allocation(faucet.address(), FAUCET_FUNDS), new Allocation(reserve.address(), Mtn.TOTAL_SUPPLY - FAUCET_FUNDS)),
                ChainParams.DEFAULT);
    }

    static KeyPair readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return KeyFile.read(file);
        }
        KeyPair k = KeyPair.generate();
        KeyFile.write(file, k);
        return k;
    }
}
