package io.mutualchain.core.genesis;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.types.Mtn;

/**
 * Membership parameters, fixed in genesis.
 *
 * @param joinFeeMin        least MTN (base units) a joining member pays; at least 1 MTN (whitepaper 5.5)
 * @param dailyLimitLevel1  most MTN a Level 1 member may transfer per block-time day (UTC day of the header timestamp)
 * @param dailyLimitLevel2  the same for a Level 2 member
 */
public record MemberParams(long joinFeeMin, long dailyLimitLevel1, long dailyLimitLevel2) {
    public static final MemberParams DEFAULT = new MemberParams(Mtn.UNIT, 10_000L * Mtn.UNIT, 1_000_000L * Mtn.UNIT);

    public MemberParams {
        if (joinFeeMin < Mtn.UNIT || joinFeeMin > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("joinFeeMin must be at least 1 MTN");
        }
        if (dailyLimitLevel1 < 0 || dailyLimitLevel2 < 0 || dailyLimitLevel1 > Mtn.TOTAL_SUPPLY || dailyLimitLevel2 > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("daily limits must be between 0 and the total supply");
        }
    }

    public long dailyLimit(int level) {
        return level >= 2 ? dailyLimitLevel2 : dailyLimitLevel1;
    }

    public void write(CanonicalWriter w) {
        w.uint(joinFeeMin).uint(dailyLimitLevel1).uint(dailyLimitLevel2);
    }
}
