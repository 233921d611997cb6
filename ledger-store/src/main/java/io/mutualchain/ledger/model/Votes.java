package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.types.Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvals a governance proposal has collected, voters sorted by address, and whether it has
 * been carried out (after which further votes are refused).
 * Encoding (canonical codec): voters (list of 20-byte addresses, at most {@link #MAX_VOTERS}), executed (bool).
 */
public record Votes(List<Address> voters, boolean executed) {
    /** Committee members plus validators can never exceed this. */
    public static final int MAX_VOTERS = 1024;
    public static final Votes NONE = new Votes(List.of(), false);

    public Votes {
        List<Address> sorted = new ArrayList<>(voters);
        sorted.sort(null);
        voters = List.copyOf(sorted);
    }

    public Votes with(Address voter) {
        List<Address> v = new ArrayList<>(voters);
        v.add(voter);
        return new Votes(v, executed);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(24 * voters.size() + 4);
        w.list(voters, (ww, a) -> a.write(ww));
        return w.bool(executed).toByteArray();
    }

    public static Votes decode(byte[] bytes) {
        return Decoding.strict(bytes, "votes", Votes::read);
    }

    private static Votes read(CanonicalReader r) {
        return new Votes(r.list("votes.voters", MAX_VOTERS, rr -> Address.read(rr, "votes.voter")), r.bool("votes.executed"));
    }
}
