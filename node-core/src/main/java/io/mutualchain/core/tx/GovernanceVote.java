package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The sender's vote for a governance proposal. Every voter sends the same proposal; the ledger counts
 * distinct approvers per proposal id and carries the proposal out once, in the block where the count
 * reaches its threshold: a role change needs the committee's threshold or a validator quorum
 * (2f + 1), a transfer out of the committee's account needs the committee's threshold. {@code salt}
 * lets the same change be proposed again later under a new id.
 *
 * <p>Encoding after the tag: action (u8: 1 grant role, 2 revoke role, 3 committee transfer), target
 * (20 bytes), role bit (u8, 0 for a transfer), amount (uint, 0 for a role change), salt (uint).
 */
public record GovernanceVote(Action action, Address target, Role role, long amount, long salt) implements TxPayload {
    public static final int KIND = 8;
    private static final byte[] ID_TAG = "MC-PROPOSAL-V1".getBytes(StandardCharsets.US_ASCII);

    /** What a proposal does. */
    public enum Action {
        GRANT_ROLE, REVOKE_ROLE, COMMITTEE_TRANSFER
    }

    public GovernanceVote {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        if (salt < 0) {
            throw new IllegalArgumentException("salt cannot be negative");
        }
        if (action == Action.COMMITTEE_TRANSFER) {
            if (role != null || amount <= 0 || amount > Mtn.TOTAL_SUPPLY) {
                throw new IllegalArgumentException("a committee transfer has a positive amount and no role");
            }
        } else if (role == null || amount != 0) {
            throw new IllegalArgumentException("a role change names a role and no amount");
        }
    }

    /** The proposal's id: SHA-256("MC-PROPOSAL-V1" || fields). Votes for the same id are counted together. */
    public Hash32 proposalId() {
        CanonicalWriter w = new CanonicalWriter(64);
        writeFields(w);
        return Sha256.hash(ID_TAG, w.toByteArray());
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "governance-vote";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        w.u8(action.ordinal() + 1);
        target.write(w);
        w.u8(role == null ? 0 : role.bit());
        w.uint(amount).uint(salt);
    }

    static GovernanceVote readFields(CanonicalReader r) {
        int a = r.u8("gov.action");
        if (a < 1 || a > Action.values().length) {
            throw new CodecException("gov.action: unknown action " + a);
        }
        Address target = Address.read(r, "gov.target");
        int bit = r.u8("gov.role");
        Role role = null;
        if (bit != 0) {
            for (Role x : Role.values()) {
                if (x.bit() == bit) {
                    role = x;
                }
            }
            if (role == null) {
                throw new CodecException("gov.role: unknown role bit " + bit);
            }
        }
        return new GovernanceVote(Action.values()[a - 1], target, role, r.uint("gov.amount", Mtn.TOTAL_SUPPLY), r.uint("gov.salt", Long.MAX_VALUE));
    }
}
