package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Deterministic keys, validator set and blocks for engine unit tests. */
public final class TestChain {
    public static final String CHAIN_ID = "pbft-test";
    public static final Hash32 GENESIS = Sha256.hash(new byte[] {1, 2, 3});

    public final List<KeyPair> keys = new ArrayList<>();
    public final ValidatorSet validators;
    public final ChainParams params;
    /**
     * Every replica's clock in these tests. With {@link #WIDE_PRECISION_MS} the block-time rule never
     * refuses the small timestamps the other rules' tests use; BlockTimeRuleTest sets a real window.
     */
    public long nowMs = 1_000_000;
    /** A window of an hour either side: wide enough for any timestamp these tests use. */
    public static final int WIDE_PRECISION_MS = ChainParams.MAX_TIME_PARAM_MS;

    public TestChain(int n, int k, int l) {
        this(n, k, l, WIDE_PRECISION_MS, 0);
    }

    /** A chain whose block-time window is PRECISION {@code precisionMs} and MSGDELAY {@code delayMs}. */
    public TestChain(int n, int k, int l, int precisionMs, int delayMs) {
        for (int i = 0; i < n; i++) {
            keys.add(key(i));
        }
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vs.add(new Validator("v" + i, keys.get(i).publicKey()));
        }
        validators = new ValidatorSet(vs);
        params = new ChainParams(10_000L, 64 * 1024, 5_000, 8 * 1024 * 1024, k, l).withBlockTime(precisionMs, delayMs);
    }

    public static KeyPair key(int i) {
        byte[] seed = new byte[32];
        seed[0] = (byte) i;
        seed[31] = 42;
        return KeyPair.fromSeed(seed);
    }

    public PbftConfig config() {
        return PbftConfig.of(CHAIN_ID, params).withClock(() -> nowMs);
    }

    public PbftEngine engine(int i, BlockValidator validator) {
        return new PbftEngine(config(), keys.get(i), validators, validator, new TreeMap<>(), 0, GENESIS);
    }

    /** State root after applying the chain up to a block: a hash chain, enough for the engine. */
    public static Hash32 rootAfter(Hash32 previousRoot, Hash32 blockHash) {
        return Sha256.hash(previousRoot.toBytes(), blockHash.toBytes());
    }

    public Block block(long height, Hash32 prev, Hash32 stateRoot, long view, long timestampMs) {
        BlockHeader h = new BlockHeader(CHAIN_ID, height, prev, timestampMs, Block.txRoot(List.of()), stateRoot, stateRoot, 0,
                validators.primaryOf(view), view);
        return new Block(h, List.of());
    }
}
