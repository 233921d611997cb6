package io.mutualchain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.testkit.CoreArbitraries;
import io.mutualchain.core.tx.Transaction;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * decode(encode(x)) == x for every value that is hashed or signed, and the re-encoding of a decoded
 * value is the very same bytes: two nodes that agree on a value agree on its hash.
 */
class KernelValuesRoundTripPropertiesTest {

    @Provide
    Arbitrary<Transaction> transactions() {
        return CoreArbitraries.transactions();
    }

    @Provide
    Arbitrary<BlockHeader> headers() {
        return CoreArbitraries.headers();
    }

    @Provide
    Arbitrary<Block> blocks() {
        return CoreArbitraries.blocks();
    }

    @Provide
    Arbitrary<CommitCertificate> certificates() {
        return CoreArbitraries.certificates();
    }

    @Property
    void aTransactionDecodesToTheSameFieldsAndTheSameBytes(@ForAll("transactions") Transaction tx) {
        byte[] bytes = tx.encode();
        Transaction back = Transaction.decode(bytes);
        assertThat(back).isEqualTo(tx);
        assertThat(back.chainId()).isEqualTo(tx.chainId());
        assertThat(back.sender()).isEqualTo(tx.sender());
        assertThat(back.nonce()).isEqualTo(tx.nonce());
        assertThat(back.maxFee()).isEqualTo(tx.maxFee());
        assertThat(back.payload()).isEqualTo(tx.payload());
        assertThat(back.signature()).isEqualTo(tx.signature());
        assertThat(back.id()).isEqualTo(tx.id());
        assertThat(back.encode()).isEqualTo(bytes);
        assertThat(back.encodedSize()).isEqualTo(bytes.length);
    }

    @Property
    void aBlockHeaderDecodesToAnEqualHeaderWithTheSameHash(@ForAll("headers") BlockHeader header) {
        byte[] bytes = header.encode();
        BlockHeader back = BlockHeader.decode(bytes);
        assertThat(back).isEqualTo(header);
        assertThat(back.encode()).isEqualTo(bytes);
        assertThat(back.hash()).isEqualTo(header.hash());
    }

    @Property(tries = 300)
    void aBlockDecodesToAnEqualBlockWithTheSameTransactionsInOrder(@ForAll("blocks") Block block) {
        byte[] bytes = block.encode();
        Block back = Block.decode(bytes);
        assertThat(back).isEqualTo(block);
        assertThat(back.transactions()).containsExactlyElementsOf(block.transactions());
        assertThat(back.encode()).isEqualTo(bytes);
    }

    @Property
    void aCommitCertificateDecodesToAnEqualCertificate(@ForAll("certificates") CommitCertificate cert) {
        byte[] bytes = cert.encode();
        CommitCertificate back = CommitCertificate.decode(bytes);
        assertThat(back).isEqualTo(cert);
        assertThat(back.encode()).isEqualTo(bytes);
    }
}
