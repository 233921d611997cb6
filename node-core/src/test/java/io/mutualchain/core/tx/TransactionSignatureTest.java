package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.testkit.CoreArbitraries;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The signature covers every field: change any one and the transaction no longer verifies. */
class TransactionSignatureTest {

    record Fields(String chainId, long keyIndex, long nonce, long maxFee, Address to, long amount) {
        Transaction sign() {
            return Transaction.sign(chainId, TestKeys.key(keyIndex), nonce, maxFee, new Transfer(to, amount));
        }
    }

    @Provide
    Arbitrary<Fields> fields() {
        return Combinators.combine(CoreArbitraries.chainIds(), Arbitraries.longs().between(0, 1_000_000),
                CoreArbitraries.nonNegativeLongs(), Arbitraries.longs().between(0, Mtn.TOTAL_SUPPLY - 1),
                CoreArbitraries.addresses(), Arbitraries.longs().between(1, Mtn.TOTAL_SUPPLY - 1)).as(Fields::new);
    }

    /** The same signature over a transaction with one field changed. */
    private static Transaction resigned(Transaction tx, String chainId, long nonce, long maxFee, Transfer payload) {
        return Transaction.of(chainId, tx.sender(), nonce, maxFee, payload, tx.signature());
    }

    @Property(tries = 200)
    void aSignedTransactionVerifiesAndChangingAnyFieldBreaksTheSignature(@ForAll("fields") Fields f) {
        Transaction tx = f.sign();
        Transfer p = (Transfer) tx.payload();
        assertThat(tx.hasValidSignature()).isTrue();
        assertThat(Transaction.decode(tx.encode()).hasValidSignature()).isTrue();

        List<Transaction> tampered = List.of(
                resigned(tx, CoreArbitraries.otherChainId(tx.chainId()), tx.nonce(), tx.maxFee(), p),
                resigned(tx, tx.chainId(), tx.nonce() ^ 1, tx.maxFee(), p),
                resigned(tx, tx.chainId(), tx.nonce(), tx.maxFee() + 1, p),
                resigned(tx, tx.chainId(), tx.nonce(), tx.maxFee(), new Transfer(p.to(), p.amount() + 1)),
                resigned(tx, tx.chainId(), tx.nonce(), tx.maxFee(), new Transfer(flipFirstBit(p.to()), p.amount())),
                Transaction.of(tx.chainId(), TestKeys.key(f.keyIndex() + 1).publicKey(), tx.nonce(), tx.maxFee(), p, tx.signature()));
        for (Transaction t : tampered) {
            assertThat(t.id()).isNotEqualTo(tx.id());
            assertThat(t.hasValidSignature()).as("tampered %s", t).isFalse();
        }
    }

    private static Address flipFirstBit(Address a) {
        byte[] b = a.toBytes();
        b[0] ^= 1;
        return Address.ofBytes(b);
    }

    @Test
    void aSignatureWithOneBitFlippedDoesNotVerify() {
        Transaction tx = Transaction.sign("mc-test", TestKeys.key(1), 0, 10_000, new Transfer(TestKeys.key(2).address(), 1));
        byte[] sig = tx.signature().toBytes();
        sig[10] ^= 0x40;
        Transaction bad = Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), tx.maxFee(), tx.payload(), Signature.of(sig));
        assertThat(bad.hasValidSignature()).isFalse();
    }

    @Test
    void aSignatureIsOverTheTaggedSigningBytesSoItIsNotValidForTheBareBody() {
        KeyPair key = TestKeys.key(1);
        Transfer payload = new Transfer(TestKeys.key(2).address(), 1);
        byte[] signing = Transaction.signingBytes("mc-test", key.publicKey(), 0, 10_000, payload);
        assertThat(new String(signing, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MC-TX-V1");
        byte[] untagged = java.util.Arrays.copyOfRange(signing, 8, signing.length);
        Transaction signedWithoutTag = Transaction.of("mc-test", key.publicKey(), 0, 10_000, payload, key.sign(untagged));
        assertThat(signedWithoutTag.hasValidSignature()).isFalse();
        assertThat(Transaction.of("mc-test", key.publicKey(), 0, 10_000, payload, key.sign(signing)).hasValidSignature()).isTrue();
    }

    @Test
    void theSenderAddressIsDerivedFromTheSenderKey() {
        KeyPair key = TestKeys.key(9);
        Transaction tx = Transaction.sign("mc-test", key, 0, 10_000, new Transfer(TestKeys.key(2).address(), 1));
        assertThat(tx.senderAddress()).isEqualTo(key.address());
    }
}
