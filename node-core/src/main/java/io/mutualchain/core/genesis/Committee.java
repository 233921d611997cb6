package io.mutualchain.core.genesis;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The decision committee: {@code threshold} of {@code members} must approve. It holds the reserve in
 * an account no single key controls: its address is derived from the committee itself
 * (SHA-256("MC-COMMITTEE-V1" || threshold || sorted member keys), first 20 bytes), so no private key
 * exists for it and only governance transactions approved by the threshold can move its MTN.
 */
public record Committee(int threshold, List<PublicKey> members) {
    public static final int MAX_MEMBERS = 64;
    public static final Committee NONE = new Committee(0, List.of());
    private static final byte[] TAG = "MC-COMMITTEE-V1".getBytes(StandardCharsets.US_ASCII);

    public Committee {
        List<PublicKey> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(k -> k.toHex()));
        if (new HashSet<>(sorted).size() != sorted.size()) {
            throw new IllegalArgumentException("a committee member appears twice");
        }
        if (sorted.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("a committee has at most " + MAX_MEMBERS + " members");
        }
        if (sorted.isEmpty() ? threshold != 0 : (threshold < 1 || threshold > sorted.size())) {
            throw new IllegalArgumentException("committee threshold must be between 1 and the number of members");
        }
        members = List.copyOf(sorted);
    }

    public boolean exists() {
        return !members.isEmpty();
    }

    public boolean isMember(PublicKey k) {
        return members.contains(k);
    }

    public void write(CanonicalWriter w) {
        w.uint(threshold);
        w.list(members, (ww, k) -> k.write(ww));
    }

    /** The committee's account address. */
    public Address address() {
        CanonicalWriter w = new CanonicalWriter(64);
        write(w);
        return Address.ofBytes(Arrays.copyOf(Sha256.digest(TAG, w.toByteArray()), Address.SIZE));
    }
}
