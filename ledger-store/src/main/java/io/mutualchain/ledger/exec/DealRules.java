package io.mutualchain.ledger.exec;

import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.CreditClose;
import io.mutualchain.core.tx.FraudRuling;
import io.mutualchain.core.tx.Rate;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.Deal;
import java.util.Optional;

/** Credit-score transactions outside the state machine: ratings after a deal, closing credit, fraud rulings. */
final class DealRules {
    private DealRules() {
    }

    static Optional<Refusal> rate(Overlay s, TxContext ctx, Rate r) {
        Optional<Deal> deal = s.deal(r.assetId(), r.record());
        if (deal.isEmpty()) {
            boolean isTransfer = s.record(r.assetId(), r.record()).map(x -> x.input() == AssetEventCode.E06).orElse(false);
            return Optional.of(Refusal.of(Refusal.Code.NOT_A_DEAL, "record " + r.record() + " of asset " + r.assetId()
                    + (isTransfer ? " has no deal" : " is not a completed transfer (E06)")));
        }
        Deal d = deal.get();
        Address sender = ctx.sender();
        Address rated;
        Deal updated;
        if (sender.equals(d.from())) {
            if (d.ratedByFrom()) {
                return alreadyRated(sender, r);
            }
            rated = d.to();
            updated = new Deal(d.from(), d.to(), true, d.ratedByTo());
        } else if (sender.equals(d.to())) {
            if (d.ratedByTo()) {
                return alreadyRated(sender, r);
            }
            rated = d.from();
            updated = new Deal(d.from(), d.to(), d.ratedByFrom(), true);
        } else {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + sender + " is not a party of the deal in record "
                    + r.record() + " of asset " + r.assetId() + "; only " + d.from() + " and " + d.to() + " may rate it"));
        }
        s.put(r.assetId(), r.record(), updated);
        s.put(rated, s.account(rated).withCreditDelta(r.positive() ? CreditRules.RATING : -CreditRules.RATING));
        return Optional.empty();
    }

    private static Optional<Refusal> alreadyRated(Address sender, Rate r) {
        return Optional.of(Refusal.of(Refusal.Code.ALREADY_RATED, sender + " has already rated the deal in record " + r.record()
                + " of asset " + r.assetId()));
    }

    static Optional<Refusal> closeCredit(Overlay s, TxContext ctx, CreditClose c) {
        Optional<Asset> asset = s.asset(c.assetId());
        if (asset.isEmpty()) {
            return Optional.of(Refusal.of(Refusal.Code.UNKNOWN_ASSET, "asset " + c.assetId() + " does not exist"));
        }
        Asset a = asset.get();
        if (a.credit() == null) {
            return Optional.of(Refusal.of(Refusal.Code.NO_CREDIT, "asset " + c.assetId() + " carries no open credit"));
        }
        if (!a.credit().creditor().equals(ctx.sender())) {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + ctx.sender() + " is not the creditor "
                    + a.credit().creditor() + " of asset " + c.assetId()));
        }
        s.put(a.withCredit(null));
        s.put(a.owner(), s.account(a.owner()).withCreditDelta(c.repaid() ? CreditRules.CREDIT_REPAID : CreditRules.CREDIT_DEFAULTED));
        return Optional.empty();
    }

    static Optional<Refusal> fraud(Overlay s, TxContext ctx, FraudRuling f) {
        if (!s.account(ctx.sender()).has(Role.ARBITER)) {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + ctx.sender() + " is not an ARBITER"));
        }
        if (s.asset(f.assetId()).isEmpty()) {
            return Optional.of(Refusal.of(Refusal.Code.UNKNOWN_ASSET, "asset " + f.assetId() + " does not exist"));
        }
        s.put(f.party(), s.account(f.party()).withCreditDelta(CreditRules.FRAUD));
        return Optional.empty();
    }
}
