package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.testkit.CoreArbitraries;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A transaction's id is SHA-256 of its whole encoding, signature included, so any difference changes it. */
class TransactionIdTest {

    @Provide
    Arbitrary<Transaction> transactions() {
        return CoreArbitraries.transactions();
    }

    @Property
    void theIdIsTheSha256OfTheEncoding(@ForAll("transactions") Transaction tx) {
        assertThat(tx.id()).isEqualTo(Sha256.hash(tx.encode()));
    }

    @Property
    void changingAnyOneFieldChangesTheId(@ForAll("transactions") Transaction tx) {
        Transfer p = (Transfer) tx.payload();
        byte[] sig = tx.signature().toBytes();
        sig[63] ^= 1;
        byte[] to = p.to().toBytes();
        to[19] ^= 1;
        long otherFee = tx.maxFee() == Mtn.TOTAL_SUPPLY ? tx.maxFee() - 1 : tx.maxFee() + 1;
        long otherAmount = p.amount() == Mtn.TOTAL_SUPPLY ? p.amount() - 1 : p.amount() + 1;
        Transaction[] variants = {
            Transaction.of(CoreArbitraries.otherChainId(tx.chainId()), tx.sender(), tx.nonce(), tx.maxFee(), p, tx.signature()),
            Transaction.of(tx.chainId(), tx.sender(), tx.nonce() ^ 1, tx.maxFee(), p, tx.signature()),
            Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), otherFee, p, tx.signature()),
            Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), tx.maxFee(), new Transfer(p.to(), otherAmount), tx.signature()),
            Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), tx.maxFee(), new Transfer(Address.ofBytes(to), p.amount()), tx.signature()),
            Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), tx.maxFee(), p, Signature.of(sig)),
        };
        for (Transaction v : variants) {
            assertThat(v.id()).isNotEqualTo(tx.id());
            assertThat(v).isNotEqualTo(tx);
        }
    }

    @Property
    void twoTransactionsBuiltFromTheSameFieldsHaveTheSameId(@ForAll("transactions") Transaction tx) {
        Transaction again = Transaction.of(tx.chainId(), tx.sender(), tx.nonce(), tx.maxFee(), tx.payload(), tx.signature());
        assertThat(again.id()).isEqualTo(tx.id());
        assertThat(again).isEqualTo(tx).hasSameHashCodeAs(tx);
    }
}
