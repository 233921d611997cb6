package io.mutualchain.ledger.state;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;

/**
 * State keys name entries of the world state; the tree key is SHA-256 of the state key, which
 * spreads keys evenly over the tree (so paths stay short) whatever the addresses look like. The
 * first byte of a state key says what kind of entry it is, so later kinds (assets, members,
 * contracts) get their own key space without a new tree.
 */
public final class StateKeys {
    /** State key kind of an account: followed by the 20 address bytes. */
    public static final int ACCOUNT_KIND = 0x01;

    private StateKeys() {
    }

    public static byte[] accountStateKey(Address a) {
        byte[] addr = a.toBytes();
        byte[] k = new byte[1 + addr.length];
        k[0] = (byte) ACCOUNT_KIND;
        System.arraycopy(addr, 0, k, 1, addr.length);
        return k;
    }

    /** The tree key of an account: SHA-256(0x01 || address). */
    public static Hash32 accountTreeKey(Address a) {
        return Sha256.hash(accountStateKey(a));
    }
}
