package io.mutualchain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.merkle.MerkleTree;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A block's header commits to its body; the block hash is the tagged header hash. */
class BlockTest {
    private static final List<Transaction> TXS = List.of(
            Transaction.sign("mc-test", TestKeys.key(1), 0, 10_000, new Transfer(TestKeys.key(2).address(), 5)),
            Transaction.sign("mc-test", TestKeys.key(1), 1, 10_000, new Transfer(TestKeys.key(3).address(), 6)));

    private static BlockHeader header(int txCount, Hash32 txRoot) {
        return new BlockHeader("mc-test", 1, Hash32.ZERO, 1_000, txRoot, Hash32.ZERO, Hash32.ZERO, txCount, TestKeys.key(7).publicKey(), 0);
    }

    @Test
    void aBodyMatchingItsHeaderPasses() {
        assertThat(new Block(header(2, Block.txRoot(TXS)), TXS).checkBody()).isEqualTo(Validation.valid());
        assertThat(new Block(header(0, MerkleTree.EMPTY_ROOT), List.of()).checkBody().isOk()).isTrue();
    }

    @Test
    void theTransactionRootIsTheMerkleRootOfTheTransactionIds() {
        assertThat(Block.txRoot(TXS)).isEqualTo(MerkleTree.root(List.of(TXS.get(0).id().toBytes(), TXS.get(1).id().toBytes())));
    }

    @Test
    void aBodyWithAnotherTransactionCountIsReported() {
        Validation v = new Block(header(3, Block.txRoot(TXS)), TXS).checkBody();
        assertThat(v.reason()).contains(BodyCode.TX_COUNT_MISMATCH);
        assertThat(v.detail()).isEqualTo("header says 3 transactions, block has 2");
    }

    @Test
    void aBodyWithReorderedTransactionsIsReportedByItsRoot() {
        Block b = new Block(header(2, Block.txRoot(TXS)), List.of(TXS.get(1), TXS.get(0)));
        assertThat(b.checkBody().reason()).contains(BodyCode.TX_ROOT_MISMATCH);
        assertThat(b.checkBody().detail()).startsWith("transaction root ").contains("does not match header");
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a body that breaks that rule")
    @EnumSource(BodyCode.class)
    void everyBodyCodeIsProducedByABodyThatBreaksThatRule(BodyCode code) {
        Block b = switch (code) {
            case TX_COUNT_MISMATCH -> new Block(header(1, Block.txRoot(TXS)), TXS);
            case TX_ROOT_MISMATCH -> new Block(header(2, Block.txRoot(TXS.subList(0, 1))), TXS);
        };
        assertThat(b.checkBody().reason()).contains(code);
        assertThat(code.area()).isEqualTo("body");
    }

    @Test
    void theBlockHashIsSha256OfTheTaggedHeaderEncoding() {
        BlockHeader h = header(2, Block.txRoot(TXS));
        assertThat(new Block(h, TXS).hash()).isEqualTo(h.hash());
        assertThat(h.hash()).isEqualTo(Sha256.hash("MC-HDR-V2".getBytes(StandardCharsets.US_ASCII), h.encode()));
    }

    @Test
    void aHeaderBelowHeightOneIsRefused() {
        assertThatThrownBy(() -> new BlockHeader("mc-test", 0, Hash32.ZERO, 0, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, 0, TestKeys.key(7).publicKey(), 0))
                .hasMessage("block height starts at 1, was 0");
    }
}
