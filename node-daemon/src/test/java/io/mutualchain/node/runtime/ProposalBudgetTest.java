package io.mutualchain.node.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalBudgetTest {
    private static final int CHAIN_MAX = 5_000;

    @Test
    void beforeAnyMeasurementProposalsCarryTheInitialNumberOfTransactions() {
        assertThat(new ProposalBudget(3_000, CHAIN_MAX).maxTxs()).isEqualTo(ProposalBudget.INITIAL_TXS);
        assertThat(new ProposalBudget(3_000, 50).maxTxs()).isEqualTo(50);
    }

    @Test
    void theTargetIsAThirdOfTheMessageDelayWithinItsBounds() {
        assertThat(new ProposalBudget(3_000, CHAIN_MAX).targetMs()).isEqualTo(1_000);
        assertThat(new ProposalBudget(60, CHAIN_MAX).targetMs()).isEqualTo(ProposalBudget.MIN_TARGET_MS);
        assertThat(new ProposalBudget(600_000, CHAIN_MAX).targetMs()).isEqualTo(ProposalBudget.MAX_TARGET_MS);
    }

    @Test
    void aSlowBlockShrinksTheNextProposalAtOnceSoItCommitsWithinTheTarget() {
        ProposalBudget b = new ProposalBudget(3_000, CHAIN_MAX);
        b.proposed(10, 2_000, 0);
        b.committed(10, 8_000); // 4 ms per transaction: a 1 s target fits 250
        assertThat(b.maxTxs()).isEqualTo(250);
    }

    @Test
    void fasterBlocksLetTheBudgetGrowGraduallyUpToTheChainLimit() {
        ProposalBudget b = new ProposalBudget(3_000, CHAIN_MAX);
        b.proposed(1, 1_000, 0);
        b.committed(1, 2_000); // 2,000 µs per tx -> 500
        assertThat(b.maxTxs()).isEqualTo(500);
        b.proposed(2, 500, 10_000);
        b.committed(2, 10_050); // 100 µs per tx; averaged: (3 * 2000 + 100) / 4 = 1525 -> 655
        assertThat(b.maxTxs()).isEqualTo(655);
        for (long h = 3; h < 40; h++) {
            b.proposed(h, 1_000, h * 1_000);
            b.committed(h, h * 1_000 + 20);
        }
        assertThat(b.maxTxs()).isEqualTo(CHAIN_MAX);
    }

    @Test
    void neverFewerThanTheFloorHoweverSlowTheBlocks() {
        ProposalBudget b = new ProposalBudget(3_000, CHAIN_MAX);
        b.proposed(1, 1_000, 0);
        b.committed(1, 600_000);
        assertThat(b.maxTxs()).isEqualTo(ProposalBudget.MIN_TXS);
    }

    @Test
    void smallBlocksAndOtherNodesBlocksTeachNothing() {
        ProposalBudget b = new ProposalBudget(3_000, CHAIN_MAX);
        b.proposed(1, ProposalBudget.MIN_SAMPLE_TXS - 1, 0);
        b.committed(1, 60_000);
        assertThat(b.maxTxs()).isEqualTo(ProposalBudget.INITIAL_TXS);
        b.proposed(2, 1_000, 0);
        b.committed(3, 60_000); // another height: not this node's proposal
        assertThat(b.maxTxs()).isEqualTo(ProposalBudget.INITIAL_TXS);
        b.committed(2, 1_000);
        b.committed(2, 90_000); // counted once
        assertThat(b.maxTxs()).isEqualTo(1_000);
    }
}
