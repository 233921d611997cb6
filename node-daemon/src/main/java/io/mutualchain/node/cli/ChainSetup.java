package io.mutualchain.node.cli;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The genesis that {@code testnet} writes: the whitepaper's split of the fixed supply
 * ({@link DefaultGenesis}), with the key files of its holders beside the genesis. The faucet key
 * holds the unlocked presale share (for trying things and for {@code bench}) and every role (gateway,
 * creditor, KYC authority, arbiter), so a test chain can run the whole asset lifecycle; the validators
 * form the committee, with a quorum of them as its threshold.
 */
final class ChainSetup {
    static final String FAUCET_KEY = "faucet.key.json";
    static final String SALE_KEY = "sale.key.json";
    static final String TEAM_KEY = "team.key.json";
    static final String RESEARCH_KEY = "research.key.json";

    private ChainSetup() {
    }

    static Genesis genesis(String chainId, List<Validator> validators, Path dir, ChainParams params) throws IOException {
        KeyPair faucet = readOrCreate(dir.resolve(FAUCET_KEY));
        KeyPair sale = readOrCreate(dir.resolve(SALE_KEY));
        KeyPair team = readOrCreate(dir.resolve(TEAM_KEY));
        KeyPair research = readOrCreate(dir.resolve(RESEARCH_KEY));
        List<PublicKey> committee = new ArrayList<>();
        for (Validator v : validators) {
            committee.add(v.publicKey());
        }
        DefaultGenesis g = DefaultGenesis.builder(chainId, System.currentTimeMillis(), validators)
                .holders(faucet.address(), sale.address(), team.address(), research.address())
                .committee(ValidatorSet.quorum(validators.size()), committee)
                .params(params);
        for (Role r : Role.values()) {
            g.grant(faucet.address(), r);
        }
        return g.build();
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
