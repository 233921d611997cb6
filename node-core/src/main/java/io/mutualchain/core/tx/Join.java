package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;

/**
 * Joins the community as a Level 1 member, paying {@code fee} base units (at least the genesis
 * minimum, 1 MTN by default) to the community's committee account. The member's profile (age, gender,
 * beneficiary) never goes on chain: only {@code commitment}, a salted hash of it
 * ({@link #commitment(int, String, String, byte[])}), which the member can later open to whoever needs it.
 * Encoding after the tag: commitment (32 bytes), fee (uint).
 */
public record Join(Hash32 commitment, long fee) implements TxPayload {
    public static final int KIND = 3;
    private static final byte[] TAG = "MC-MEMBER-PROFILE-V1".getBytes(StandardCharsets.US_ASCII);

    public Join {
        if (commitment == null) {
            throw new IllegalArgumentException("join needs the profile commitment");
        }
        if (fee <= 0 || fee > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("join fee must be positive, was " + fee);
        }
    }

    /**
     * SHA-256("MC-MEMBER-PROFILE-V1" || age || gender || beneficiary || salt): hides the profile
     * (the salt, 16 bytes or more, keeps anyone from guessing it) yet binds the member to it.
     */
    public static Hash32 commitment(int age, String gender, String beneficiary, byte[] salt) {
        if (salt == null || salt.length < 16) {
            throw new IllegalArgumentException("the profile salt must be at least 16 random bytes");
        }
        if (age < 0 || age > 200) {
            throw new IllegalArgumentException("age must be between 0 and 200");
        }
        CanonicalWriter w = new CanonicalWriter(128);
        w.uint(age).string(gender).string(beneficiary).bytes(salt);
        return Sha256.hash(TAG, w.toByteArray());
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "join";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        commitment.write(w);
        w.uint(fee);
    }

    static Join readFields(CanonicalReader r) {
        return new Join(Hash32.read(r, "join.commitment"), r.uint("join.fee", Mtn.TOTAL_SUPPLY));
    }
}
