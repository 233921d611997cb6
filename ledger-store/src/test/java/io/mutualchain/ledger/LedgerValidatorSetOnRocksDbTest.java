package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.StateKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator-set changes end to end on a real database, with four genesis validators (quorum 3) and a
 * checkpoint interval of K = 4: votes, the pending epoch, the switch at the block after the
 * checkpoint (certificate, proposer, vote counting), proofs of the schedule and a restart.
 */
class LedgerValidatorSetOnRocksDbTest {
    private static final int K = 4;
    private final TestChain chain = new TestChain("mc-validators", new ChainParams(TestChain.BASE_FEE, 64 * 1024, 5_000, 8 * 1024 * 1024, K, 2 * K));
    private final KeyPair v0 = chain.validatorKeys.get(0);
    private final KeyPair v1 = chain.validatorKeys.get(1);
    private final KeyPair v2 = chain.validatorKeys.get(2);
    private final KeyPair v3 = chain.validatorKeys.get(3);
    private final KeyPair new5 = TestChain.key(5);
    private final KeyPair new6 = TestChain.key(6);
    private final Map<PublicKey, KeyPair> keys = new HashMap<>();
    @TempDir
    Path dir;

    LedgerValidatorSetOnRocksDbTest() {
        for (KeyPair k : List.of(v0, v1, v2, v3, new5, new6)) {
            keys.put(k.publicKey(), k);
        }
    }

    /** The first quorum of {@code set}, in set order. */
    private List<KeyPair> quorumOf(ValidatorSet set) {
        List<KeyPair> out = new ArrayList<>();
        for (int i = 0; i < set.quorum(); i++) {
            out.add(keys.get(set.get(i).publicKey()));
        }
        return out;
    }

    /** Commits the next block, proposed and certified by the set in force at its height, as consensus would. */
    private List<Receipt> commit(Ledger l, List<Transaction> txs) throws LedgerException {
        ValidatorSet set = l.epochAt(l.height() + 1).validators();
        Block b = chain.nextBlock(l, txs, keys.get(set.get(0).publicKey()));
        assertThat(l.validateProposal(b).isOk()).isTrue();
        return l.commit(b, chain.certify(b, quorumOf(set)));
    }

    private Transaction tx(Ledger l, KeyPair from, TxPayload p) {
        return Transaction.sign(chain.genesis.chainId(), from, l.account(from.address()).nonce(), TestChain.BASE_FEE, p);
    }

    private Receipt vote(Ledger l, KeyPair from, ValidatorVote v) throws LedgerException {
        return commit(l, List.of(tx(l, from, v))).get(0);
    }

    /** Height 1: every validator key, old and new, gets MTN for fees. */
    private Ledger funded() throws LedgerException {
        Ledger l = Ledger.open(dir, chain.genesis);
        List<Transaction> txs = new ArrayList<>();
        long nonce = 0;
        for (KeyPair k : List.of(v0, v1, v2, v3, new5, new6)) {
            txs.add(chain.transfer(chain.reserve, nonce++, k.address(), 10 * Mtn.UNIT));
        }
        assertThat(commit(l, txs)).allMatch(Receipt::succeeded);
        return l;
    }

    private static ValidatorSet genesisPlus(TestChain c, Validator... more) {
        List<Validator> vs = new ArrayList<>(c.genesis.validators());
        vs.addAll(List.of(more));
        return new ValidatorSet(vs);
    }

    /** Adds new5 by votes at heights 2, 3, 4 (approved at the checkpoint 4, so base 8), then commits up to height 9. */
    private Ledger withNew5InForceFrom9() throws LedgerException {
        Ledger l = funded();
        ValidatorVote add5 = ValidatorVote.add(new5.publicKey(), "node5", 0);
        assertThat(vote(l, v0, add5).succeeded()).isTrue();
        assertThat(vote(l, v1, add5).succeeded()).isTrue();
        assertThat(l.pendingEpoch()).as("2 of 4 is not a quorum").isEmpty();
        assertThat(vote(l, v2, add5).succeeded()).isTrue();
        assertThat(l.height()).isEqualTo(4);
        assertThat(l.pendingEpoch()).contains(new ValidatorEpoch(8, genesisPlus(chain, new Validator("node5", new5.publicKey()))));
        while (l.height() < 9) {
            commit(l, List.of());
        }
        return l;
    }

    @Test
    void aQuorumOfValidatorsAddsAKeyThatSignsFromTheBlockAfterTheNextCheckpoint() throws Exception {
        try (Ledger l = funded()) {
            ValidatorVote add5 = ValidatorVote.add(new5.publicKey(), "node5", 0);
            assertThat(vote(l, v0, add5).succeeded()).isTrue();
            Receipt twice = vote(l, v0, add5);
            assertThat(twice.status()).isEqualTo(Receipt.Status.REJECTED);
            assertThat(twice.error()).contains("ALREADY_VOTED");
            assertThat(vote(l, v1, add5).succeeded()).isTrue();
            assertThat(l.pendingEpoch()).isEmpty();
            assertThat(vote(l, v2, add5).succeeded()).isTrue();
            long approvedAt = l.height();
            assertThat(approvedAt).isEqualTo(5);
            ValidatorSet bigger = genesisPlus(chain, new Validator("node5", new5.publicKey()));
            assertThat(l.pendingEpoch()).contains(new ValidatorEpoch(8, bigger));
            assertThat(vote(l, v3, add5).error()).contains("PROPOSAL_DONE");
            while (l.height() < 8) {
                assertThat(l.epochAt(l.height() + 1).validators()).isEqualTo(chain.genesis.validatorSet());
                commit(l, List.of());
            }
            assertThat(l.epochAt(9)).isEqualTo(new ValidatorEpoch(8, bigger));
            assertThat(l.epochAt(8).validators()).isEqualTo(chain.genesis.validatorSet());

            Block nine = chain.nextBlock(l, List.of(), new5);
            assertThat(l.validateProposal(nine).isOk()).isTrue();
            // The old set's quorum (3 signatures) is not a quorum of five validators (4).
            assertThatThrownBy(() -> l.commit(nine, chain.certify(nine, List.of(v0, v1, v2)))).isInstanceOf(LedgerException.class);
            assertThat(l.height()).isEqualTo(8);
            l.commit(nine, chain.certify(nine, List.of(new5, v0, v1, v2)));
            assertThat(l.pendingEpoch()).isEmpty();
            assertThat(l.epochs()).containsExactly(new ValidatorEpoch(0, chain.genesis.validatorSet()), new ValidatorEpoch(8, bigger));
        }
    }

    @Test
    void aKeyThatIsNotYetInForceCannotProposeAndARemovedOneNoLongerCan() throws Exception {
        try (Ledger l = funded()) {
            ValidatorVote remove3 = ValidatorVote.remove(v3.publicKey(), 0);
            for (KeyPair k : List.of(v0, v1, v2)) {
                assertThat(vote(l, k, remove3).succeeded()).isTrue();
            }
            assertThat(l.pendingEpoch().orElseThrow().base()).as("approved at the checkpoint 4").isEqualTo(8);
            while (l.height() < 8) {
                assertThat(l.validateProposal(chain.nextBlock(l, List.of(), v3)).isOk()).isTrue();
                commit(l, List.of());
            }
            assertThat(l.validateProposal(chain.nextBlock(l, List.of(), new5)).reason()).contains(ProposalCode.PROPOSER_NOT_VALIDATOR);
            assertThat(l.validateProposal(chain.nextBlock(l, List.of(), v3)).reason()).contains(ProposalCode.PROPOSER_NOT_VALIDATOR);
            Block nine = chain.nextBlock(l, List.of(), v1);
            assertThatThrownBy(() -> l.commit(nine, chain.certify(nine, List.of(v0, v3))))
                    .isInstanceOf(LedgerException.class).hasMessageContaining("not a validator");
            l.commit(nine, chain.certify(nine, List.of(v0, v1)));
            assertThat(l.epochAt(9).validators().validators()).containsExactlyElementsOf(chain.genesis.validators().subList(0, 3));
        }
    }

    @Test
    void afterTheSwitchVotesCountAgainstTheNewSet() throws Exception {
        try (Ledger l = withNew5InForceFrom9()) {
            ValidatorVote add6 = ValidatorVote.add(new6.publicKey(), "node6", 0);
            for (KeyPair k : List.of(v0, v1, v2)) {
                assertThat(vote(l, k, add6).succeeded()).isTrue();
            }
            assertThat(l.pendingEpoch()).as("3 of 5 is not a quorum").isEmpty();
            assertThat(vote(l, new5, add6).succeeded()).isTrue();
            assertThat(l.pendingEpoch().orElseThrow().validators().validators()).extracting(Validator::name)
                    .containsExactly("node0", "node1", "node2", "node3", "node5", "node6");
        }
    }

    @Test
    void twoProposalsApprovedInOneWindowAccumulateIntoOnePendingSetInApprovalOrder() throws Exception {
        try (Ledger l = funded()) {
            ValidatorVote add5 = ValidatorVote.add(new5.publicKey(), "node5", 0);
            ValidatorVote add6 = ValidatorVote.add(new6.publicKey(), "node6", 0);
            ValidatorVote remove0 = ValidatorVote.remove(v0.publicKey(), 0);
            for (KeyPair k : List.of(v0, v1)) {
                Transaction a = tx(l, k, add6);
                Transaction b = Transaction.sign(chain.genesis.chainId(), k, a.nonce() + 1, TestChain.BASE_FEE, add5);
                assertThat(commit(l, List.of(a, b))).allMatch(Receipt::succeeded);
            }
            Transaction a = tx(l, v2, add6);
            Transaction b = Transaction.sign(chain.genesis.chainId(), v2, a.nonce() + 1, TestChain.BASE_FEE, add5);
            Transaction c = Transaction.sign(chain.genesis.chainId(), v2, a.nonce() + 2, TestChain.BASE_FEE, ValidatorVote.add(new6.publicKey(), "node6", 1));
            List<Receipt> r = commit(l, List.of(a, b, c));
            assertThat(r.get(0).succeeded()).isTrue();
            assertThat(r.get(1).succeeded()).isTrue();
            assertThat(r.get(2).error()).as("a new proposal to add node6 finds it in the pending set").contains("VALIDATOR_EXISTS");
            assertThat(l.height()).isEqualTo(4);
            ValidatorEpoch pending = l.pendingEpoch().orElseThrow();
            assertThat(pending.base()).isEqualTo(8);
            assertThat(pending.validators().validators()).extracting(Validator::name)
                    .containsExactly("node0", "node1", "node2", "node3", "node6", "node5");
            for (KeyPair k : List.of(v1, v2, v3)) {
                assertThat(vote(l, k, remove0).succeeded()).isTrue();
            }
            assertThat(l.height()).isEqualTo(7);
            assertThat(l.pendingEpoch().orElseThrow().base()).isEqualTo(8);
            assertThat(l.pendingEpoch().orElseThrow().validators().validators()).extracting(Validator::name)
                    .containsExactly("node1", "node2", "node3", "node6", "node5");
            assertThat(vote(l, v1, ValidatorVote.add(v2.publicKey(), "dup", 0)).error()).contains("VALIDATOR_EXISTS");
            assertThat(vote(l, v1, ValidatorVote.remove(v0.publicKey(), 1)).error()).as("node0 is gone from the pending set")
                    .contains("NOT_A_VALIDATOR");
        }
    }

    @Test
    void theScheduleIsAProvableStateEntryAndTheRootStillMatchesAFullScan() throws Exception {
        try (Ledger l = withNew5InForceFrom9()) {
            EntryProof p = l.proveEntry(StateKeys.validatorsKey());
            assertThat(p.verify(l.stateRoot())).isTrue();
            assertThat(ValidatorSchedule.decode(p.value().orElseThrow()).current()).isEqualTo(l.epochAt(9));
            assertThat(l.stateRootByScan()).isEqualTo(l.stateRoot());
        }
    }

    @Test
    void epochAtRefusesHeightsOutsideTheCommittedOnesAndTheNext() throws Exception {
        try (Ledger l = funded()) {
            assertThat(l.epochAt(1)).isEqualTo(new ValidatorEpoch(0, chain.genesis.validatorSet()));
            assertThat(l.epochAt(2)).isEqualTo(l.epochAt(1));
            assertThatThrownBy(() -> l.epochAt(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 1..2");
            assertThatThrownBy(() -> l.epochAt(3)).isInstanceOf(IllegalArgumentException.class);
            assertThat(l.epochs()).containsExactly(new ValidatorEpoch(0, chain.genesis.validatorSet()));
        }
    }

    @Test
    void aRestartKeepsTheCurrentAndPendingEpochsAndTheHistory() throws Exception {
        List<ValidatorEpoch> history;
        ValidatorEpoch pending;
        try (Ledger l = withNew5InForceFrom9()) {
            ValidatorVote remove3 = ValidatorVote.remove(v3.publicKey(), 0);
            for (KeyPair k : List.of(v0, v1, v2, new5)) {
                vote(l, k, remove3);
            }
            assertThat(l.height()).isEqualTo(13);
            history = l.epochs();
            pending = l.pendingEpoch().orElseThrow();
            assertThat(pending.base()).isEqualTo(16);
        }
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            assertThat(l.epochs()).isEqualTo(history).hasSize(2);
            assertThat(l.pendingEpoch()).contains(pending);
            assertThat(l.epochAt(3).base()).isZero();
            assertThat(l.epochAt(8).base()).isZero();
            assertThat(l.epochAt(9).base()).isEqualTo(8);
            assertThat(l.epochAt(14).base()).isEqualTo(8);
            while (l.height() < 17) {
                commit(l, List.of());
            }
            assertThat(l.epochs()).hasSize(3);
            assertThat(l.epochAt(17)).isEqualTo(pending);
            assertThat(l.epochAt(16).base()).isEqualTo(8);
        }
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            assertThat(l.epochs()).extracting(ValidatorEpoch::base).containsExactly(0L, 8L, 16L);
            assertThat(l.epochAt(l.height() + 1).base()).isEqualTo(16);
        }
    }
}
