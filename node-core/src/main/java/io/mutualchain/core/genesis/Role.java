package io.mutualchain.core.genesis;

/**
 * The permissioned roles of the ledger. Each has a fixed bit in an account's role set (part of the
 * account's encoding, so never renumbered). Granted in genesis, changed afterwards only by governance.
 */
public enum Role {
    /** Confirms or rejects deposits (E02, E03) and withdrawals (E11, E12): the bridge to off-chain money. */
    GATEWAY(1),
    /** Confirms or rejects credit requests (E08, E09) and closes credit as repaid or defaulted. */
    CREDITOR(2),
    /** Attests a member's off-chain identity check, raising the member to Level 2. */
    KYC_AUTHORITY(4),
    /** Settles any pending asset request and rules on fraud. */
    ARBITER(8);

    private final int bit;

    Role(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** All role bits together: a role set with any other bit is malformed. */
    public static final int ALL_BITS = 15;

    public boolean in(int roleSet) {
        return (roleSet & bit) != 0;
    }

    /** Parses the upper-case name, with an error that lists the valid ones. */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "'; roles are GATEWAY, CREDITOR, KYC_AUTHORITY, ARBITER");
    }
}
