package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.types.Mtn;

/**
 * An account's world state. An address the ledger has never seen is {@link #EMPTY}; the state tree
 * treats an empty account and an absent one as the same thing, so "never seen" needs no marker.
 * Encoding (canonical codec): balance (uint, at most the total supply), nonce (uint).
 */
public record Account(long balance, long nonce) {
    public static final Account EMPTY = new Account(0, 0);

    public Account {
        if (balance < 0 || balance > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("account balance out of range: " + balance);
        }
        if (nonce < 0) {
            throw new IllegalArgumentException("account nonce cannot be negative: " + nonce);
        }
    }

    public boolean isEmpty() {
        return balance == 0 && nonce == 0;
    }

    public byte[] encode() {
        return new CanonicalWriter(20).uint(balance).uint(nonce).toByteArray();
    }

    public static Account decode(byte[] bytes) {
        return Decoding.strict(bytes, "account", Account::read);
    }

    public static Account read(CanonicalReader r) {
        return new Account(r.uint("account.balance", Mtn.TOTAL_SUPPLY), r.uint("account.nonce", Long.MAX_VALUE));
    }
}
