package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.PbftConfig;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.PersistOp;
import io.mutualchain.pbft.Ready;
import io.mutualchain.pbft.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The engine's ordered persist operations as the ledger stores them: one batch, puts before deletes. */
class ConsensusRecordsTest {
    private static final int K = 4;
    private final KeyPair key = KeyPair.fromSeed(Sha256.hash(new byte[] {9}).toBytes());
    private final ValidatorSet solo = new ValidatorSet(List.of(new Validator("solo", key.publicKey())));
    private final ChainParams params = new ChainParams(10_000L, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K);

    /** Applies a batch the way the ledger does: every put, then every delete. */
    private static void storeLikeTheLedger(TreeMap<String, byte[]> store, List<PersistOp> ops) {
        ConsensusRecords.Batch b = ConsensusRecords.coalesce(ops);
        for (Map.Entry<byte[], byte[]> e : b.puts()) {
            store.put(new String(e.getKey(), StandardCharsets.UTF_8), e.getValue());
        }
        for (byte[] k : b.deletes()) {
            store.remove(new String(k, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRecordDeletedAndWrittenAgainInOneReadyIsKept() {
        TreeMap<String, byte[]> store = new TreeMap<>();
        storeLikeTheLedger(store, List.of(new PersistOp("pbft/epoch", new byte[] {1}), new PersistOp("pbft/epoch", null),
                new PersistOp("pbft/epoch", new byte[] {2}), new PersistOp("pbft/view", new byte[] {3}), new PersistOp("pbft/view", null)));

        assertThat(store).containsOnlyKeys("pbft/epoch");
        assertThat(store.get("pbft/epoch")).containsExactly(2);
    }

    @Test
    void recordsOfTheCurrentEpochSurviveARestartAfterTwoEpochChanges() {
        TreeMap<String, byte[]> store = new TreeMap<>();
        Hash32 head = Sha256.hash(new byte[] {4});
        // Epoch 4 starts over epoch 0's records, epoch 8 over epoch 4's (whose records include the marker).
        for (long base : new long[] {4, 8}) {
            PbftEngine e = engine(base, store, head);
            drain(e, store);
        }
        PbftEngine inEpoch8 = engine(8, store, head);
        drain(inEpoch8, store);
        Block b9 = block(9, head);
        inEpoch8.propose(b9);
        drain(inEpoch8, store);
        assertThat(store).containsKey("pbft/pp/00000000000000000009");

        // A restart in epoch 8 recognises the records as its own: it deletes nothing and re-sends its pre-prepare.
        PbftEngine restarted = engine(8, store, head);
        Ready r = restarted.ready();
        assertThat(r.persist()).noneMatch(PersistOp::isDelete);
        assertThat(restarted.nextProposalHeight()).isEqualTo(10);
    }

    private PbftEngine engine(long base, TreeMap<String, byte[]> store, Hash32 head) {
        return new PbftEngine(PbftConfig.of("records-test", params).withEpochBase(base), key, solo, b -> Verdict.VALID,
                new TreeMap<>(store), 8, head, null);
    }

    private static void drain(PbftEngine e, TreeMap<String, byte[]> store) {
        while (e.hasReady()) {
            Ready r = e.ready();
            storeLikeTheLedger(store, new ArrayList<>(r.persist()));
            e.advance(r);
        }
    }

    private Block block(long height, Hash32 prev) {
        BlockHeader h = new BlockHeader("records-test", height, prev, 1000 + height, Block.txRoot(List.of()), Hash32.ZERO, Hash32.ZERO, 0,
                key.publicKey(), 0);
        return new Block(h, List.of());
    }
}
