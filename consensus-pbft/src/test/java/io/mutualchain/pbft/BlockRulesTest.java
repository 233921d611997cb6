package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.block.BodyCode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.validation.ReasonCode;
import io.mutualchain.core.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine's own checks of a proposed block, each refusal with its code (paper §4.2: a backup accepts a pre-prepare only for a valid request). */
class BlockRulesTest {
    private final TestChain chain = new TestChain(4, 4, 8);
    private final BlockRules rules = new BlockRules(chain.config(), chain.validators);
    private final List<Transaction> two = List.of(transfer(0), transfer(1));

    private Transaction transfer(long nonce) {
        return Transaction.sign(TestChain.CHAIN_ID, chain.keys.get(3), nonce, 10_000, new Transfer(chain.keys.get(2).address(), 1));
    }

    /** A block at {@code height} proposed in {@code view} by {@code proposer}, carrying {@code txs} with {@code txCount} in its header. */
    private Block block(String chainId, long height, long view, int proposer, List<Transaction> txs, int txCount) {
        BlockHeader h = new BlockHeader(chainId, height, TestChain.GENESIS, 1_000, Block.txRoot(txs), Hash32.ZERO, Hash32.ZERO, txCount,
                chain.keys.get(proposer).publicKey(), view);
        return new Block(h, txs);
    }

    private Block good(long view) {
        return block(TestChain.CHAIN_ID, 1, view, (int) view % 4, two, 2);
    }

    private BlockRules rulesWith(int maxBlockTxs, int maxBlockBytes) {
        ChainParams p = new ChainParams(10_000L, 256, maxBlockTxs, maxBlockBytes, 4, 8);
        return new BlockRules(PbftConfig.of(TestChain.CHAIN_ID, p), chain.validators);
    }

    @Test
    void aBlockOfThePrimaryForThisHeightAndViewPasses() {
        assertThat(rules.check(good(0), 1, 0, false)).isEqualTo(Validation.valid());
    }

    @Test
    void aReproposedBlockKeepsItsLowerViewButANewProposalMustNameThePrePreparesView() {
        assertThat(rules.check(good(0), 1, 2, true).isOk()).isTrue();
        Validation v = rules.check(good(0), 1, 2, false);
        assertThat(v.reason()).contains(BlockRuleCode.WRONG_VIEW);
        assertThat(v.detail()).isEqualTo("block was proposed in view 0, pre-prepare is for view 2");
        assertThat(rules.check(good(2), 1, 1, true).reason()).as("a re-proposal from a later view").contains(BlockRuleCode.WRONG_VIEW);
    }

    @Test
    void aBlockFromABackupIsRefusedAsNotThePrimarysEvenWhenEverythingElseHolds() {
        Validation v = rules.check(block(TestChain.CHAIN_ID, 1, 0, 2, two, 2), 1, 0, false);
        assertThat(v.reason()).contains(BlockRuleCode.PROPOSER_NOT_PRIMARY);
        assertThat(v.detail()).isEqualTo("block proposer is not the primary of view 0");
    }

    @Test
    void theBodyIsCheckedWithTheKernelsCodes() {
        assertThat(rules.check(block(TestChain.CHAIN_ID, 1, 0, 0, two, 3), 1, 0, false).reason()).contains(BodyCode.TX_COUNT_MISMATCH);
        Block reordered = new Block(good(0).header(), List.of(two.get(1), two.get(0)));
        assertThat(rules.check(reordered, 1, 0, false).reason()).contains(BodyCode.TX_ROOT_MISMATCH);
    }

    @Test
    void theSizeBoundsUseTheSameCodesAsTheLedgersBlockLimits() {
        Validation txs = rulesWith(1, 8 * 1024).check(good(0), 1, 0, false);
        assertThat(txs.reason()).contains(BlockLimitCode.TOO_MANY_TXS);
        assertThat(txs.detail()).isEqualTo("block has 2 transactions, the limit is 1");
        assertThat(rulesWith(10, 256).check(good(0), 1, 0, false).reason()).contains(BlockLimitCode.TOO_MANY_BYTES);
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a block that breaks that rule")
    @EnumSource(BlockRuleCode.class)
    void everyBlockRuleCodeIsProducedByABlockThatBreaksThatRule(BlockRuleCode code) {
        Validation v = switch (code) {
            case WRONG_CHAIN -> rules.check(block("other-chain", 1, 0, 0, two, 2), 1, 0, false);
            case WRONG_HEIGHT -> rules.check(good(0), 2, 0, false);
            case WRONG_VIEW -> rules.check(good(0), 1, 1, false);
            case PROPOSER_NOT_PRIMARY -> rules.check(block(TestChain.CHAIN_ID, 1, 1, 0, two, 2), 1, 1, false);
        };
        assertThat(v.reason()).contains(code);
        assertThat(code.area()).isEqualTo("block-rule");
    }

    @Test
    void everyCodeBlockRulesCanProduceIsReachedAndGasIsLeftToTheLedger() {
        List<ReasonCode> reached = new ArrayList<>();
        reached.add(rules.check(block("other-chain", 1, 0, 0, two, 2), 1, 0, false).reason().orElseThrow());
        reached.add(rules.check(good(0), 2, 0, false).reason().orElseThrow());
        reached.add(rules.check(good(0), 1, 1, false).reason().orElseThrow());
        reached.add(rules.check(block(TestChain.CHAIN_ID, 1, 1, 0, two, 2), 1, 1, false).reason().orElseThrow());
        reached.add(rulesWith(1, 8 * 1024).check(good(0), 1, 0, false).reason().orElseThrow());
        reached.add(rules.check(block(TestChain.CHAIN_ID, 1, 0, 0, two, 3), 1, 0, false).reason().orElseThrow());
        reached.add(rules.check(new Block(good(0).header(), List.of(two.get(1), two.get(0))), 1, 0, false).reason().orElseThrow());
        reached.add(rulesWith(10, 256).check(good(0), 1, 0, false).reason().orElseThrow());
        List<ReasonCode> possible = new ArrayList<>(List.of(BlockRuleCode.values()));
        possible.addAll(List.of(BodyCode.values()));
        // GAS_OVER_LIMIT is not the engine's: declared gas needs the transactions' kinds, which the ledger's BlockLimits reads.
        possible.add(BlockLimitCode.TOO_MANY_TXS);
        possible.add(BlockLimitCode.TOO_MANY_BYTES);
        assertThat(reached).containsExactlyInAnyOrderElementsOf(possible);
    }
}
