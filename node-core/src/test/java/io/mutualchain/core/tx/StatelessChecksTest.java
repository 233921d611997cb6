package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.tx.TxRejection.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each stateless refusal carries its typed reason and a message that names the offending value. */
class StatelessChecksTest {
    private static final String CHAIN = "mc-test";
    private static final int MAX_TX_BYTES = ChainParams.DEFAULT.maxTxBytes();
    private static final long BASE_FEE = ChainParams.DEFAULT.baseFee();
    private static final KeyPair SENDER = TestKeys.key(1);

    private static Transaction tx(String chainId, long maxFee) {
        return Transaction.sign(chainId, SENDER, 3, maxFee, new Transfer(TestKeys.key(2).address(), 42));
    }

    private static TxRejection rejectionOf(byte[] raw, int maxTxBytes) {
        try {
            StatelessChecks.decodeAndCheck(raw, CHAIN, maxTxBytes, BASE_FEE);
        } catch (TxRejectedException e) {
            assertThat(e.getMessage()).isEqualTo(e.rejection().toString());
            return e.rejection();
        }
        throw new AssertionError("transaction was accepted");
    }

    @Test
    void aWellFormedSignedTransactionForThisChainPayingTheBaseFeePasses() throws TxRejectedException {
        Transaction tx = tx(CHAIN, BASE_FEE);
        assertThat(StatelessChecks.check(tx, CHAIN, MAX_TX_BYTES, BASE_FEE)).isEmpty();
        assertThat(StatelessChecks.decodeAndCheck(tx.encode(), CHAIN, MAX_TX_BYTES, BASE_FEE)).isEqualTo(tx);
    }

    @Test
    void aTransactionForAnotherChainIsRefusedAsWrongChainNamingBothChains() {
        TxRejection r = rejectionOf(tx("other-chain", BASE_FEE).encode(), MAX_TX_BYTES);
        assertThat(r.reason()).isEqualTo(Reason.WRONG_CHAIN);
        assertThat(r.message()).contains("'other-chain'").contains("'" + CHAIN + "'");
    }

    @Test
    void aTransactionWithABadSignatureIsRefusedAsBadSignatureNamingTheSender() {
        Transaction good = tx(CHAIN, BASE_FEE);
        byte[] sig = good.signature().toBytes();
        sig[0] ^= 1;
        Transaction bad = Transaction.of(CHAIN, good.sender(), good.nonce(), good.maxFee(), good.payload(), Signature.of(sig));
        TxRejection r = rejectionOf(bad.encode(), MAX_TX_BYTES);
        assertThat(r.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(r.message()).contains(SENDER.address().toString());
    }

    @Test
    void aTransactionAboveTheSizeLimitIsRefusedAsTooLargeNamingSizeAndLimit() {
        Transaction tx = tx(CHAIN, BASE_FEE);
        int limit = tx.encodedSize() - 1;
        TxRejection r = rejectionOf(tx.encode(), limit);
        assertThat(r.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(r.message()).isEqualTo("transaction is " + tx.encodedSize() + " bytes; the limit is " + limit);
        assertThat(StatelessChecks.check(tx, CHAIN, limit, BASE_FEE)).map(TxRejection::reason).contains(Reason.TOO_LARGE);
        assertThat(StatelessChecks.check(tx, CHAIN, tx.encodedSize(), BASE_FEE)).isEmpty();
    }

    @Test
    void oversizedBytesAreRefusedAsTooLargeBeforeAnyDecoding() {
        byte[] garbage = new byte[MAX_TX_BYTES + 1];
        Arrays.fill(garbage, (byte) 0xff);
        assertThat(rejectionOf(garbage, MAX_TX_BYTES).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void aFeeBelowTheBaseFeeIsRefusedAsFeeTooLowNamingBothAmounts() {
        TxRejection r = rejectionOf(tx(CHAIN, BASE_FEE - 1).encode(), MAX_TX_BYTES);
        assertThat(r.reason()).isEqualTo(Reason.FEE_TOO_LOW);
        assertThat(r.message()).isEqualTo("max fee " + (BASE_FEE - 1) + " is below the base fee " + BASE_FEE + " (base units)");
    }

    @Test
    void bytesThatDoNotDecodeAreRefusedAsMalformedWithTheDecodersReason() {
        byte[] raw = tx(CHAIN, BASE_FEE).encode();
        byte[] trailing = Arrays.copyOf(raw, raw.length + 1);
        TxRejection r = rejectionOf(trailing, MAX_TX_BYTES);
        assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(r.message()).startsWith("transaction does not decode: ").contains("1 trailing bytes");
        assertThat(rejectionOf(new byte[0], MAX_TX_BYTES).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void theCheapChecksComeBeforeTheSignatureCheck() {
        // A transaction wrong in every way is reported by its cheapest fault first.
        Transaction good = tx("other-chain", BASE_FEE - 1);
        Transaction wrongEverything = Transaction.of("other-chain", good.sender(), good.nonce(), good.maxFee(), good.payload(),
                Signature.of(new byte[Signature.SIZE]));
        assertThat(StatelessChecks.check(wrongEverything, CHAIN, 100, BASE_FEE)).map(TxRejection::reason).contains(Reason.TOO_LARGE);
        assertThat(StatelessChecks.check(wrongEverything, CHAIN, MAX_TX_BYTES, BASE_FEE)).map(TxRejection::reason)
                .contains(Reason.WRONG_CHAIN);
        Transaction cheapFee = Transaction.of(CHAIN, good.sender(), good.nonce(), good.maxFee(), good.payload(), good.signature());
        assertThat(StatelessChecks.check(cheapFee, CHAIN, MAX_TX_BYTES, BASE_FEE)).map(TxRejection::reason).contains(Reason.FEE_TOO_LOW);
    }

    @Test
    void aRejectedTransactionExceptionSaysReasonAndMessage() {
        TxRejection r = TxRejection.of(Reason.DUPLICATE, "already in the pool");
        assertThatThrownBy(() -> {
            throw new TxRejectedException(r);
        }).hasMessage("DUPLICATE: already in the pool");
    }
}
