package io.mutualchain.core.genesis;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.types.Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What genesis says beyond balances and validators: who holds which role, which MTN is vesting, the
 * decision committee (which also holds the reserve), and the membership parameters. Lists are kept
 * sorted so the genesis hash does not depend on the order they were written in.
 */
public record LedgerSetup(List<RoleGrant> roles, List<VestingSchedule> vesting, Committee committee, MemberParams members) {
    public static final LedgerSetup NONE = new LedgerSetup(List.of(), List.of(), Committee.NONE, MemberParams.DEFAULT);

    public LedgerSetup {
        List<RoleGrant> r = new ArrayList<>(roles);
        r.sort(Comparator.comparing(RoleGrant::address).thenComparing(RoleGrant::role));
        if (new HashSet<>(r).size() != r.size()) {
            throw new IllegalArgumentException("a role is granted twice to the same address");
        }
        List<VestingSchedule> v = new ArrayList<>(vesting);
        v.sort(Comparator.comparing(VestingSchedule::address));
        Set<Address> seen = new HashSet<>();
        for (VestingSchedule s : v) {
            if (!seen.add(s.address())) {
                throw new IllegalArgumentException("address " + s.address() + " has two vesting schedules");
            }
        }
        if (committee == null || members == null) {
            throw new IllegalArgumentException("committee and member parameters are required");
        }
        roles = List.copyOf(r);
        vesting = List.copyOf(v);
    }

    /** The vesting schedule of {@code a}, or null. */
    public VestingSchedule vestingOf(Address a) {
        for (VestingSchedule s : vesting) {
            if (s.address().equals(a)) {
                return s;
            }
        }
        return null;
    }

    public void write(CanonicalWriter w) {
        w.list(roles, (ww, g) -> {
            g.address().write(ww);
            ww.u8(g.role().bit());
        });
        w.list(vesting, (ww, s) -> {
            s.address().write(ww);
            ww.uint(s.amount()).uint(s.cliffEndMs()).uint(s.releaseMs());
        });
        committee.write(w);
        members.write(w);
    }
}
