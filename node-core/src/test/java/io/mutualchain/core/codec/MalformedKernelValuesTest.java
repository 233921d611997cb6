package io.mutualchain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made malformed encodings of the kernel's values, each refused with a message naming the field. */
class MalformedKernelValuesTest {
    private static final String CHAIN = "mc-test";
    private static final Address TO = TestKeys.key(2).address();

    private static Transaction tx() {
        return Transaction.sign(CHAIN, TestKeys.key(1), 7, 10_000, new Transfer(TO, 5 * Mtn.UNIT));
    }

    /** Byte offset of the payload kind tag in a transaction encoding. */
    private static int kindOffset(Transaction t) {
        CanonicalWriter w = new CanonicalWriter();
        w.string(t.chainId());
        t.sender().write(w);
        w.uint(t.nonce());
        w.uint(t.maxFee());
        return w.size();
    }

    /** A transaction body (everything but the signature) with the given raw fields. */
    private static byte[] rawTx(byte[] chainIdField, long nonce, long maxFee, int kind, long amount) {
        CanonicalWriter w = new CanonicalWriter();
        w.fixed(chainIdField);
        TestKeys.key(1).publicKey().write(w);
        w.varint(nonce);
        w.varint(maxFee);
        w.u8(kind);
        TO.write(w);
        w.varint(amount);
        w.fixed(new byte[Signature.SIZE]);
        return w.toByteArray();
    }

    private static byte[] chainIdField(String id) {
        return new CanonicalWriter().string(id).toByteArray();
    }

    @Test
    void aTransactionWithATrailingByteIsRefused() {
        byte[] bytes = Arrays.copyOf(tx().encode(), tx().encodedSize() + 1);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("transaction: 1 trailing bytes after offset " + tx().encodedSize());
    }

    @Test
    void aTransactionWhoseSignatureHasAnAppendedZeroByteIsRefusedLikeWycheproofTcId37() {
        // The 65-byte signature cannot hide inside a fixed 64-byte field: the extra byte is trailing.
        byte[] bytes = Arrays.copyOf(tx().encode(), tx().encodedSize() + 1);
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("trailing");
    }

    @Test
    void aTransactionCutShortInTheSignatureIsRefused() {
        byte[] bytes = Arrays.copyOf(tx().encode(), tx().encodedSize() - 1);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("tx.signature: needs 64 bytes");
    }

    @Test
    void anUnknownPayloadKindIsRefused() {
        byte[] bytes = tx().encode();
        bytes[kindOffset(tx())] = 12;
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("unknown transaction kind 12");
    }

    @Test
    void payloadKindZeroIsNotATransfer() {
        byte[] bytes = tx().encode();
        bytes[kindOffset(tx())] = 0;
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(CodecException.class).hasMessage("unknown transaction kind 0");
    }

    @Test
    void aChainIdThatIsNotUtf8IsRefused() {
        byte[] bytes = rawTx(new byte[] {2, (byte) 0xc3, 0x28}, 0, 10_000, Transfer.KIND, 1);
        assertThatThrownBy(() -> Transaction.decode(bytes)).isInstanceOf(CodecException.class).hasMessage("tx.chainId: not valid UTF-8");
    }

    @Test
    void aChainIdLongerThan64BytesIsRefusedByItsLength() {
        byte[] bytes = rawTx(chainIdField("x".repeat(65)), 0, 10_000, Transfer.KIND, 1);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("tx.chainId length: value 65 is out of range [0, 64]");
    }

    @Test
    void anEmptyChainIdIsRefused() {
        byte[] bytes = rawTx(chainIdField(""), 0, 10_000, Transfer.KIND, 1);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("transaction: chain id must be 1 to 64 bytes");
    }

    @Test
    void aMaxFeeAboveTheSupplyIsRefused() {
        byte[] bytes = rawTx(chainIdField(CHAIN), 0, Mtn.TOTAL_SUPPLY + 1, Transfer.KIND, 1);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("tx.maxFee: value 40000000000000001 is out of range [0, 40000000000000000]");
    }

    @Test
    void aTransferOfZeroIsRefused() {
        byte[] bytes = rawTx(chainIdField(CHAIN), 0, 10_000, Transfer.KIND, 0);
        assertThatThrownBy(() -> Transaction.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessageStartingWith("transaction: transfer amount must be between 1 base unit and the total supply, was 0");
    }

    @Test
    void aNonMinimalNonceIsRefusedEvenThoughItsValueIsFine() {
        byte[] good = rawTx(chainIdField(CHAIN), 5, 10_000, Transfer.KIND, 1);
        int nonceAt = chainIdField(CHAIN).length + PublicKey.SIZE;
        byte[] bad = new byte[good.length + 1];
        System.arraycopy(good, 0, bad, 0, nonceAt);
        bad[nonceAt] = (byte) 0x85; // 5 with a continuation bit ...
        bad[nonceAt + 1] = 0x00; // ... and an empty last group
        System.arraycopy(good, nonceAt + 1, bad, nonceAt + 2, good.length - nonceAt - 1);
        assertThat(Transaction.decode(good).nonce()).isEqualTo(5);
        assertThatThrownBy(() -> Transaction.decode(bad))
                .isInstanceOf(CodecException.class)
                .hasMessage("tx.nonce: varint is not in its shortest form at offset " + nonceAt);
    }

    private static BlockHeader header(long height) {
        return new BlockHeader(CHAIN, height, Hash32.ZERO, 1_700_000_000_000L, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, 0,
                TestKeys.key(3).publicKey(), 0);
    }

    @Test
    void aHeaderAtHeightZeroIsRefusedBecauseHeightZeroIsGenesisState() {
        byte[] bytes = header(1).encode();
        int heightAt = chainIdField(CHAIN).length;
        assertThat(bytes[heightAt]).isEqualTo((byte) 1);
        bytes[heightAt] = 0;
        assertThatThrownBy(() -> BlockHeader.decode(bytes))
                .isInstanceOf(CodecException.class)
                .hasMessage("block header: block height starts at 1, was 0");
    }

    @Test
    void aTruncatedHeaderIsRefused() {
        byte[] bytes = header(1).encode();
        for (int len = 0; len < bytes.length; len++) {
            byte[] prefix = Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> BlockHeader.decode(prefix)).as("prefix of %d bytes", len).isInstanceOf(CodecException.class);
        }
    }

    @Test
    void aBlockClaimingMoreTransactionsThanTheHardLimitIsRefusedByItsCount() {
        CanonicalWriter w = new CanonicalWriter();
        header(1).write(w);
        w.varint(Block.MAX_TXS_HARD + 1L);
        assertThatThrownBy(() -> Block.decode(w.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessage("block.transactions count: value 100001 is out of range [0, 100000]");
    }

    @Test
    void aBlockWithATrailingByteIsRefused() {
        byte[] good = new Block(header(1), List.of(tx())).encode();
        byte[] bad = Arrays.copyOf(good, good.length + 1);
        assertThat(Block.decode(good).transactions()).containsExactly(tx());
        assertThatThrownBy(() -> Block.decode(bad)).isInstanceOf(CodecException.class).hasMessageStartingWith("block: 1 trailing bytes");
    }

    @Test
    void aCertificateWithMoreThanTheMaximumSignaturesIsRefusedByItsCount() {
        CanonicalWriter w = new CanonicalWriter();
        w.uint(0).uint(1);
        Hash32.ZERO.write(w);
        w.varint(CommitCertificate.MAX_SIGNATURES + 1L);
        assertThatThrownBy(() -> CommitCertificate.decode(w.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessage("cert.signatures count: value 1025 is out of range [0, 1024]");
    }

    @Test
    void aCertificateWhoseSignaturesAreNotSortedByValidatorIsRefused() {
        PublicKey low = PublicKey.of(filled(0x01));
        PublicKey high = PublicKey.of(filled(0x02));
        Signature s = Signature.of(new byte[Signature.SIZE]);
        CanonicalWriter w = new CanonicalWriter();
        w.uint(0).uint(1);
        Hash32.ZERO.write(w);
        w.list(List.of(new ValidatorSignature(high, s), new ValidatorSignature(low, s)), (ww, v) -> v.write(ww));
        assertThatThrownBy(() -> CommitCertificate.decode(w.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessage("commit certificate: certificate signatures are not in canonical order");
    }

    @Test
    void aCertificateListingOneValidatorTwiceIsRefused() {
        PublicKey k = PublicKey.of(filled(0x01));
        Signature s = Signature.of(new byte[Signature.SIZE]);
        CanonicalWriter w = new CanonicalWriter();
        w.uint(0).uint(1);
        Hash32.ZERO.write(w);
        w.list(List.of(new ValidatorSignature(k, s), new ValidatorSignature(k, s)), (ww, v) -> v.write(ww));
        assertThatThrownBy(() -> CommitCertificate.decode(w.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("not in canonical order");
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
