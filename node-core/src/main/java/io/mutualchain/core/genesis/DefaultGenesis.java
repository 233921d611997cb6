package io.mutualchain.core.genesis;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.util.ArrayList;
import java.util.List;

/**
 * The whitepaper's allocation (chapter 6) as a genesis: presale 15%, sale 35%, founding team and
 * early investors 20% (locked one year, then released linearly over two years), reserve 20% held by
 * the committee's account, research, education and legal 10%. Used by {@code dev} and {@code testnet};
 * a production chain writes its own genesis file.
 */
public final class DefaultGenesis {
    public static final long PRESALE = Mtn.TOTAL_SUPPLY / 100 * 15;
    public static final long SALE = Mtn.TOTAL_SUPPLY / 100 * 35;
    public static final long TEAM = Mtn.TOTAL_SUPPLY / 100 * 20;
    public static final long RESERVE = Mtn.TOTAL_SUPPLY / 100 * 20;
    public static final long RESEARCH = Mtn.TOTAL_SUPPLY - PRESALE - SALE - TEAM - RESERVE;
    /** 365 days: the team share's lock. */
    public static final long TEAM_LOCK_MS = 365L * 24 * 3600 * 1000;
    /** 730 days: the linear release after the lock. */
    public static final long TEAM_RELEASE_MS = 2 * TEAM_LOCK_MS;

    private final String chainId;
    private final long genesisTimeMs;
    private final List<Validator> validators;
    private Address presale;
    private Address sale;
    private Address team;
    private Address research;
    private Committee committee = Committee.NONE;
    private final List<RoleGrant> roles = new ArrayList<>();
    private MemberParams members = MemberParams.DEFAULT;
    private ChainParams params = ChainParams.DEFAULT;

    private DefaultGenesis(String chainId, long genesisTimeMs, List<Validator> validators) {
        this.chainId = chainId;
        this.genesisTimeMs = genesisTimeMs;
        this.validators = List.copyOf(validators);
    }

    public static DefaultGenesis builder(String chainId, long genesisTimeMs, List<Validator> validators) {
        return new DefaultGenesis(chainId, genesisTimeMs, validators);
    }

    /** The four holders of the unlocked and vesting shares; they must be four different addresses. */
    public DefaultGenesis holders(Address presale, Address sale, Address team, Address research) {
        this.presale = presale;
        this.sale = sale;
        this.team = team;
        this.research = research;
        return this;
    }

    /** The committee that holds the reserve and approves role changes. */
    public DefaultGenesis committee(int threshold, List<PublicKey> members) {
        this.committee = new Committee(threshold, members);
        return this;
    }

    public DefaultGenesis grant(Address address, Role role) {
        roles.add(new RoleGrant(address, role));
        return this;
    }

    public DefaultGenesis members(MemberParams members) {
        this.members = members;
        return this;
    }

    public DefaultGenesis params(ChainParams params) {
        this.params = params;
        return this;
    }

    public Genesis build() {
        if (presale == null || sale == null || team == null || research == null) {
            throw new IllegalArgumentException("the default genesis needs the presale, sale, team and research holders");
        }
        if (!committee.exists()) {
            throw new IllegalArgumentException("the default genesis needs a committee to hold the reserve");
        }
        List<Allocation> allocations = List.of(new Allocation(presale, PRESALE), new Allocation(sale, SALE),
                new Allocation(team, TEAM), new Allocation(committee.address(), RESERVE), new Allocation(research, RESEARCH));
        List<VestingSchedule> vesting = List.of(new VestingSchedule(team, TEAM, genesisTimeMs + TEAM_LOCK_MS, TEAM_RELEASE_MS));
        return new Genesis(chainId, genesisTimeMs, validators, allocations, params, new LedgerSetup(roles, vesting, committee, members));
    }
}
