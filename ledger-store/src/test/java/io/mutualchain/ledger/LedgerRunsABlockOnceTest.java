package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator runs a block once: commit reuses the execution proposal validation made, but only for
 * that block on that same tip; anything else is executed afresh, and either way the result is the
 * same as a node that never validated.
 */
class LedgerRunsABlockOnceTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();
    final KeyPair alice = chain.users.get(0);
    final Address bob = chain.users.get(1).address();
    final Address carol = chain.users.get(2).address();

    @Test
    void theCommitOfAValidatedBlockReusesItsExecutionAndEndsWhereAFreshRunEnds() throws Exception {
        try (Ledger validating = Ledger.open(dir.resolve("v"), chain.genesis); Ledger plain = Ledger.open(dir.resolve("p"), chain.genesis)) {
            Block b = chain.nextBlock(validating, List.of(chain.transfer(alice, 0, bob, 7), chain.transfer(alice, 1, carol, 9)));
            assertThat(validating.validateProposal(b).isOk()).isTrue();
            List<Receipt> reused = validating.commit(b, chain.certify(b));
            assertThat(validating.reusedExecutions()).isEqualTo(1);
            List<Receipt> fresh = plain.commit(b, chain.certify(b));
            assertThat(plain.reusedExecutions()).isZero();
            assertThat(reused).isEqualTo(fresh);
            assertThat(validating.head()).isEqualTo(plain.head());
            assertThat(validating.stateRootByScan()).isEqualTo(plain.stateRoot());
        }
    }

    @Test
    void anotherBlockAtTheSameHeightIsExecutedAfreshNotGivenTheValidatedOnesResult() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Block a = chain.nextBlock(l, List.of(chain.transfer(alice, 0, bob, 7)));
            Block b = chain.nextBlock(l, List.of(chain.transfer(alice, 0, carol, 9)));
            long bobBefore = l.account(bob).balance();
            long carolBefore = l.account(carol).balance();
            assertThat(l.validateProposal(a).isOk()).isTrue();
            l.commit(b, chain.certify(b));
            assertThat(l.reusedExecutions()).isZero();
            assertThat(l.account(bob).balance()).isEqualTo(bobBefore);
            assertThat(l.account(carol).balance()).isEqualTo(carolBefore + 9);
            assertThat(l.stateRootByScan()).isEqualTo(l.stateRoot());
        }
    }

    @Test
    void aRefusedProposalLeavesNothingToReuse() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Block good = chain.nextBlock(l, List.of(chain.transfer(alice, 0, bob, 7)));
            assertThat(l.validateProposal(good).isOk()).isTrue();
            Block bad = chain.nextBlock(l, List.of(chain.transfer(alice, 5, bob, 7)));
            assertThat(l.validateProposal(bad).reason()).contains(ProposalCode.TX_WOULD_FAIL);
            l.commit(good, chain.certify(good));
            assertThat(l.reusedExecutions()).as("the refused validation replaced the kept execution").isZero();
            assertThat(l.account(bob).balance()).isEqualTo(TestChain.USER_FUNDS + 7);
        }
    }
}
