package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-over records on a real database, four genesis validators and K = 4: a fifth validator is
 * approved at height 4 (epoch 8), a sixth at height 10 (epoch 12). The record for an epoch appears when
 * the block before it commits, proves the schedule against the root header E carries, survives a
 * restart, and is taken again on open when the node stopped between the block and the record.
 */
class LedgerHandoversOnRocksDbTest {
    private static final int K = 4;
    private final TestChain chain = new TestChain("mc-handovers", new ChainParams(TestChain.BASE_FEE, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K));
    private final KeyPair new5 = TestChain.key(5);
    private final KeyPair new6 = TestChain.key(6);
    private final Map<PublicKey, KeyPair> keys = new HashMap<>();
    @TempDir
    Path dir;

    LedgerHandoversOnRocksDbTest() {
        for (KeyPair k : chain.validatorKeys) {
            keys.put(k.publicKey(), k);
        }
        keys.put(new5.publicKey(), new5);
        keys.put(new6.publicKey(), new6);
    }

    private void commit(Ledger l, List<Transaction> txs) throws LedgerException {
        ValidatorSet set = l.epochAt(l.height() + 1).validators();
        List<KeyPair> signers = new ArrayList<>();
        for (int i = 0; i < set.quorum(); i++) {
            signers.add(keys.get(set.get(i).publicKey()));
        }
        Block b = chain.nextBlock(l, txs, signers.get(0));
        l.commit(b, chain.certify(b, signers));
    }

    private void vote(Ledger l, KeyPair from, ValidatorVote v) throws LedgerException {
        commit(l, List.of(Transaction.sign(chain.genesis.chainId(), from, l.account(from.address()).nonce(), TestChain.BASE_FEE, v)));
    }

    private void commitUpTo(Ledger l, long height) throws LedgerException {
        while (l.height() < height) {
            commit(l, List.of());
        }
    }

    /** Height 1 funds the validators, heights 2 to 4 approve node5 (epoch 8); the tip is then at {@code height}. */
    private Ledger withNode5Approved(long height) throws LedgerException {
        Ledger l = Ledger.open(dir, chain.genesis);
        List<Transaction> fund = new ArrayList<>();
        long nonce = 0;
        for (KeyPair k : List.of(chain.validatorKeys.get(0), chain.validatorKeys.get(1), chain.validatorKeys.get(2), new5)) {
            fund.add(chain.transfer(chain.reserve, nonce++, k.address(), 10 * Mtn.UNIT));
        }
        commit(l, fund);
        ValidatorVote add5 = ValidatorVote.add(new5.publicKey(), "node5", 0);
        for (int i = 0; i < 3; i++) {
            vote(l, chain.validatorKeys.get(i), add5);
        }
        assertThat(l.pendingEpoch().orElseThrow().base()).isEqualTo(8);
        commitUpTo(l, height);
        return l;
    }

    private ValidatorSet withNode5() {
        List<Validator> vs = new ArrayList<>(chain.genesis.validators());
        vs.add(new Validator("node5", new5.publicKey()));
        return new ValidatorSet(vs);
    }

    private static void deleteRecord(Path dir, long base) throws LedgerException {
        try (RocksLedgerDb db = RocksLedgerDb.open(dir)) {
            db.writeSynced(b -> b.delete(Cf.META, Keys.handover(base)));
        }
    }

    @Test
    void theRecordAppearsWithTheBlockBeforeTheEpochAndProvesTheScheduleAgainstTheRootHeaderECarries() throws Exception {
        try (Ledger l = withNode5Approved(6)) {
            assertThat(l.handover(8)).as("block 7 is not committed yet").isEmpty();
            commit(l, List.of());
            EpochHandover h = l.handover(8).orElseThrow();
            assertThat(h.base()).isEqualTo(8);
            assertThat(h.provenHeight()).isEqualTo(7);
            assertThat(h.stateRoot()).isEqualTo(l.stateRoot());
            assertThat(h.verify()).isTrue();
            ValidatorSchedule s = h.schedule();
            assertThat(s.current()).isEqualTo(new ValidatorEpoch(0, chain.genesis.validatorSet()));
            assertThat(s.pending()).contains(new ValidatorEpoch(8, withNode5()));
            assertThat(l.handoverBases()).containsExactly(8L);

            commit(l, List.of());
            StoredBlock eight = l.blockByHeight(8).orElseThrow();
            assertThat(eight.block().header().stateRoot()).isEqualTo(h.stateRoot());
            assertThat(eight.certificate().verify(chain.genesis.chainId(), chain.genesis.validatorSet().keys(),
                    chain.genesis.validatorSet().quorum(), eight.block().hash(), 8).isOk()).as("block 8 is the old set's").isTrue();
            assertThat(l.missingHandovers()).isEmpty();
        }
    }

    @Test
    void aTamperedRecordNoLongerVerifies() throws Exception {
        try (Ledger l = withNode5Approved(7)) {
            EpochHandover h = l.handover(8).orElseThrow();
            byte[] value = h.scheduleEntryValue();
            value[value.length - 1] ^= 1;
            assertThat(new EpochHandover(8, h.stateRoot(), value, h.proof()).verify()).isFalse();
            assertThat(new EpochHandover(8, chain.genesis.hash(), h.scheduleEntryValue(), h.proof()).verify()).isFalse();
            assertThat(EpochHandover.decode(h.encode()).verify()).isTrue();
        }
    }

    @Test
    void aSecondChangeGetsItsOwnRecordAndBothSurviveARestart() throws Exception {
        try (Ledger l = withNode5Approved(9)) {
            ValidatorVote add6 = ValidatorVote.add(new6.publicKey(), "node6", 0);
            for (KeyPair k : List.of(chain.validatorKeys.get(0), chain.validatorKeys.get(1), chain.validatorKeys.get(2), new5)) {
                vote(l, k, add6);
            }
            assertThat(l.height()).isEqualTo(13);
            assertThat(l.pendingEpoch().orElseThrow().base()).isEqualTo(16);
            commitUpTo(l, 15);
        }
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            assertThat(l.handoverBases()).containsExactly(8L, 16L);
            EpochHandover h16 = l.handover(16).orElseThrow();
            assertThat(h16.verify()).isTrue();
            assertThat(h16.stateRoot()).isEqualTo(l.stateRoot());
            assertThat(h16.schedule().current()).isEqualTo(new ValidatorEpoch(8, withNode5()));
            assertThat(h16.schedule().pending().orElseThrow().validators().size()).isEqualTo(6);
            assertThat(l.missingHandovers()).isEmpty();
        }
    }

    @Test
    void aNodeThatStoppedBetweenTheBlockAndTheRecordTakesItAgainOnOpen() throws Exception {
        EpochHandover before;
        try (Ledger l = withNode5Approved(7)) {
            before = l.handover(8).orElseThrow();
        }
        deleteRecord(dir, 8);
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            EpochHandover again = l.handover(8).orElseThrow();
            assertThat(again.encode()).isEqualTo(before.encode());
            assertThat(again.verify()).isTrue();
            assertThat(l.missingHandovers()).isEmpty();
        }
    }

    @Test
    void aNodeAlreadyPastTheBlockReportsTheRecordMissingAndStillOpens() throws Exception {
        try (Ledger l = withNode5Approved(9)) {
            assertThat(l.handover(8)).isPresent();
        }
        deleteRecord(dir, 8);
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            assertThat(l.handover(8)).isEmpty();
            assertThat(l.missingHandovers()).containsExactly(8L);
            assertThat(l.height()).isEqualTo(9);
        }
    }
}
