package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.types.Mtn;

/**
 * An account's world state: MTN balance and next nonce; membership (level 0 none, 1 pseudonymous,
 * 2 KYC-attested) with the member's profile commitment and the KYC record hash; credit score; the
 * roles it holds (bits of {@link Role}); and the block-time day and MTN transferred that day, for the
 * daily limit. An address the ledger has never seen is {@link #EMPTY}; the state tree treats an empty
 * account and an absent one as the same thing, so "never seen" needs no marker.
 *
 * <p>Encoding (canonical codec): balance (uint, at most the supply), nonce (uint), level (u8, 0-2),
 * roles (u8, role bits), credit (uint, at most {@link #CREDIT_MAX}), day (uint), spent that day (uint),
 * then profile commitment and KYC record hash, each as a presence byte and 32 bytes when present.
 */
public record Account(long balance, long nonce, int level, int roles, int credit, long day, long spentToday,
                      Hash32 commitment, Hash32 kycRecord) {
    public static final Account EMPTY = new Account(0, 0);
    /** Credit scores are bounded to [0, CREDIT_MAX]. */
    public static final int CREDIT_MAX = 1000;

    public Account {
        if (balance < 0 || balance > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("account balance out of range: " + balance);
        }
        if (nonce < 0) {
            throw new IllegalArgumentException("account nonce cannot be negative: " + nonce);
        }
        if (level < 0 || level > 2 || (roles & ~Role.ALL_BITS) != 0 || credit < 0 || credit > CREDIT_MAX || day < 0
                || spentToday < 0 || spentToday > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("account fields out of range: level " + level + ", roles " + roles + ", credit " + credit);
        }
        if ((level >= 1) != (commitment != null) || (level == 2) != (kycRecord != null)) {
            throw new IllegalArgumentException("a member has a profile commitment, and a Level 2 member a KYC record, and nobody else");
        }
    }

    /** An account that is not a member and holds no role. */
    public Account(long balance, long nonce) {
        this(balance, nonce, 0, 0, 0, 0, 0, null, null);
    }

    public boolean isEmpty() {
        return balance == 0 && nonce == 0 && level == 0 && roles == 0 && credit == 0 && day == 0 && spentToday == 0;
    }

    public boolean has(Role r) {
        return r.in(roles);
    }

    public boolean isMember() {
        return level >= 1;
    }

    public Account withBalance(long b) {
        return new Account(b, nonce, level, roles, credit, day, spentToday, commitment, kycRecord);
    }

    public Account withNonce(long n) {
        return new Account(balance, n, level, roles, credit, day, spentToday, commitment, kycRecord);
    }

    public Account withRoles(int r) {
        return new Account(balance, nonce, level, r, credit, day, spentToday, commitment, kycRecord);
    }

    /** The score moved by {@code delta} and clamped to [0, CREDIT_MAX]; only members have a score. */
    public Account withCreditDelta(int delta) {
        if (!isMember()) {
            return this;
        }
        int c = Math.max(0, Math.min(CREDIT_MAX, credit + delta));
        return new Account(balance, nonce, level, roles, c, day, spentToday, commitment, kycRecord);
    }

    public Account withSpent(long d, long spent) {
        return new Account(balance, nonce, level, roles, credit, d, spent, commitment, kycRecord);
    }

    public Account joined(Hash32 profile, int initialCredit) {
        return new Account(balance, nonce, 1, roles, initialCredit, day, spentToday, profile, null);
    }

    public Account attested(Hash32 record) {
        return new Account(balance, nonce, 2, roles, credit, day, spentToday, commitment, record);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(96);
        w.uint(balance).uint(nonce).u8(level).u8(roles).uint(credit).uint(day).uint(spentToday);
        optional(w, commitment);
        optional(w, kycRecord);
        return w.toByteArray();
    }

    private static void optional(CanonicalWriter w, Hash32 h) {
        w.bool(h != null);
        if (h != null) {
            h.write(w);
        }
    }

    private static Hash32 optional(CanonicalReader r, String what) {
        return r.bool(what + " present") ? Hash32.read(r, what) : null;
    }

    public static Account decode(byte[] bytes) {
        return Decoding.strict(bytes, "account", Account::read);
    }

    public static Account read(CanonicalReader r) {
        long balance = r.uint("account.balance", Mtn.TOTAL_SUPPLY);
        long nonce = r.uint("account.nonce", Long.MAX_VALUE);
        int level = r.u8("account.level");
        int roles = r.u8("account.roles");
        int credit = r.uintAsInt("account.credit", CREDIT_MAX);
        long day = r.uint("account.day", Long.MAX_VALUE);
        long spent = r.uint("account.spentToday", Mtn.TOTAL_SUPPLY);
        Hash32 commitment = optional(r, "account.commitment");
        Hash32 kyc = optional(r, "account.kycRecord");
        try {
            return new Account(balance, nonce, level, roles, credit, day, spent, commitment, kyc);
        } catch (IllegalArgumentException e) {
            throw new CodecException(e.getMessage());
        }
    }
}
