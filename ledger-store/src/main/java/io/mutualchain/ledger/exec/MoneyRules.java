package io.mutualchain.ledger.exec;

import io.mutualchain.core.genesis.LedgerSetup;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.VestingSchedule;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Account;
import java.util.Optional;

/**
 * Rules that move MTN or change membership: transfers (vesting lock, members' daily limits), joining
 * (fee to the committee's account), KYC attestation. The fee itself is charged by the executor after
 * these rules; a rule that spends checks that the spend plus the fee fits in the unlocked balance.
 */
final class MoneyRules {
    private MoneyRules() {
    }

    /** MTN of {@code a} still locked by its vesting schedule at the block's time; 0 without one. */
    static long locked(LedgerSetup setup, Address a, long timeMs) {
        VestingSchedule v = setup.vestingOf(a);
        return v == null ? 0 : v.lockedAt(timeMs);
    }

    static Optional<Refusal> checkUnlocked(Overlay s, TxContext ctx, long spend) {
        Account acc = s.account(ctx.sender());
        long locked = locked(ctx.genesis().setup(), ctx.sender(), ctx.timeMs());
        long free = Math.max(0, acc.balance() - locked);
        if (locked > 0 && Math.addExact(spend, ctx.baseFee()) > free) {
            return Optional.of(Refusal.of(Refusal.Code.LOCKED_BY_VESTING, "sender " + ctx.sender() + " has " + Mtn.format(acc.balance())
                    + " MTN of which " + Mtn.format(locked) + " is locked by vesting until later blocks; "
                    + Mtn.format(spend) + " MTN plus the fee does not fit in the unlocked " + Mtn.format(free) + " MTN"));
        }
        return Optional.empty();
    }

    static Optional<Refusal> transfer(Overlay s, TxContext ctx, Transfer t) {
        Optional<Refusal> lock = checkUnlocked(s, ctx, t.amount());
        if (lock.isPresent()) {
            return lock;
        }
        Account sender = s.account(ctx.sender());
        if (sender.isMember()) {
            long limit = ctx.genesis().setup().members().dailyLimit(sender.level());
            long spentToday = sender.day() == ctx.day() ? sender.spentToday() : 0;
            if (t.amount() > limit - spentToday) {
                return Optional.of(Refusal.of(Refusal.Code.DAILY_LIMIT, "sender " + ctx.sender() + " is a Level " + sender.level()
                        + " member and has moved " + Mtn.format(spentToday) + " MTN today (block-time day " + ctx.day() + "); "
                        + Mtn.format(t.amount()) + " MTN more would pass the daily limit of " + Mtn.format(limit) + " MTN"));
            }
            s.put(ctx.sender(), sender.withSpent(ctx.day(), spentToday + t.amount()));
        }
        s.credit(ctx.sender(), -t.amount());
        s.credit(t.to(), t.amount());
        return Optional.empty();
    }

    static Optional<Refusal> join(Overlay s, TxContext ctx, Join j) {
        Account acc = s.account(ctx.sender());
        if (acc.isMember()) {
            return Optional.of(Refusal.of(Refusal.Code.ALREADY_MEMBER, "sender " + ctx.sender() + " is already a Level " + acc.level() + " member"));
        }
        long min = ctx.genesis().setup().members().joinFeeMin();
        if (j.fee() < min) {
            return Optional.of(Refusal.of(Refusal.Code.JOIN_FEE_TOO_LOW, "joining costs at least " + Mtn.format(min) + " MTN, offered "
                    + Mtn.format(j.fee())));
        }
        Optional<Refusal> lock = checkUnlocked(s, ctx, j.fee());
        if (lock.isPresent()) {
            return lock;
        }
        s.put(ctx.sender(), acc.joined(j.commitment(), CreditRules.INITIAL));
        s.credit(ctx.sender(), -j.fee());
        // The fee funds the community: the committee's account, or the proposer's when genesis has no committee.
        Address treasury = ctx.genesis().setup().committee().exists() ? ctx.genesis().setup().committee().address() : ctx.proposer();
        s.credit(treasury, j.fee());
        return Optional.empty();
    }

    static Optional<Refusal> kyc(Overlay s, TxContext ctx, KycAttest k) {
        if (!s.account(ctx.sender()).has(Role.KYC_AUTHORITY)) {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + ctx.sender() + " is not a KYC_AUTHORITY"));
        }
        Account member = s.account(k.member());
        if (!member.isMember()) {
            return Optional.of(Refusal.of(Refusal.Code.MEMBER_LEVEL, k.member() + " is not a member; only a Level 1 member can be attested"));
        }
        s.put(k.member(), member.attested(k.recordHash()));
        return Optional.empty();
    }
}
