package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.model.AssetState;
import io.mutualchain.ledger.model.Deal;
import java.util.Optional;

/**
 * Applies one asset event: first the transition table (an undefined pair is refused whoever sends it),
 * then who may send it, then the event's own rules, then the effects and the history record. An asset
 * that does not exist is in S0.
 *
 * <p>Who may send what: requests (E01, E04, E07, E10) the owner (for a new asset, the sender becomes
 * the owner); deposit and withdrawal confirm/reject (E02, E03, E11, E12) a GATEWAY; transfer reject
 * (E05) the recipient, or the owner to cancel; transfer confirm (E06) the recipient; credit
 * confirm/reject (E08, E09) a CREDITOR; an ARBITER may send any confirm or reject.
 */
final class AssetMachine {
    private AssetMachine() {
    }

    static Optional<Refusal> apply(Overlay s, TxContext ctx, AssetEvent e) {
        Address sender = ctx.sender();
        Optional<Asset> existing = s.asset(e.assetId());
        AssetState from = existing.map(Asset::state).orElse(AssetState.S0);
        String what = "asset " + e.assetId() + " in " + from + ": event " + e.event();
        Optional<AssetState> to = Transitions.next(from, e.event());
        if (to.isEmpty()) {
            return refuse(Refusal.Code.UNDEFINED_TRANSITION, what + " is not defined in that state"
                    + (from.isFinal() ? " (S6 is final)" : ""));
        }
        Account senderAccount = s.account(sender);
        Asset asset = existing.orElse(null);
        if (asset == null) {
            Hash32 expected = AssetEvent.newAssetId(sender, ctx.tx().nonce());
            if (!expected.equals(e.assetId())) {
                return refuse(Refusal.Code.BAD_ASSET_ID, "a new asset's id must be " + expected + " (from owner " + sender
                        + " and nonce " + ctx.tx().nonce() + "), not " + e.assetId());
            }
            asset = new Asset(e.assetId(), sender, e.assetType(), 0, AssetState.S0, 0, null, null);
        }
        Optional<Refusal> unauthorised = authorise(asset, e.event(), sender, senderAccount, what);
        if (unauthorised.isPresent()) {
            return unauthorised;
        }
        Asset.Pending pending = asset.pending();
        Asset next;
        switch (e.event()) {
            case E01 -> {
                if (!senderAccount.isMember()) {
                    return refuse(Refusal.Code.MEMBER_LEVEL, what + ": the owner " + sender + " must be a member (join first)");
                }
                if (!asset.type().equals(e.assetType())) {
                    return refuse(Refusal.Code.ASSET_TYPE_MISMATCH, what + ": the asset holds '" + asset.type() + "', not '" + e.assetType() + "'");
                }
                next = asset.with(to.get(), new Asset.Pending(e.event(), sender, null, e.amount()));
            }
            case E03 -> next = asset.withAmount(Math.addExact(asset.amount(), pending.amount())).with(to.get(), null);
            case E04 -> {
                if (asset.credit() != null) {
                    return refuse(Refusal.Code.CREDIT_OUTSTANDING, what + ": credit from " + asset.credit().creditor() + " is still open on it");
                }
                if (e.to().equals(asset.owner())) {
                    return refuse(Refusal.Code.BAD_RECIPIENT, what + ": the recipient is the owner");
                }
                if (!s.account(e.to()).isMember()) {
                    return refuse(Refusal.Code.MEMBER_LEVEL, what + ": the recipient " + e.to() + " is not a member");
                }
                next = asset.with(to.get(), new Asset.Pending(e.event(), sender, e.to(), 0));
            }
            case E06 -> {
                Address previous = asset.owner();
                next = asset.withOwner(pending.to()).with(to.get(), null);
                s.put(e.assetId(), asset.records(), new Deal(previous, pending.to(), false, false));
                score(s, previous, CreditRules.TRANSFER_COMPLETED);
                score(s, pending.to(), CreditRules.TRANSFER_COMPLETED);
            }
            case E07 -> {
                if (asset.credit() != null) {
                    return refuse(Refusal.Code.CREDIT_OUTSTANDING, what + ": credit from " + asset.credit().creditor() + " is still open on it");
                }
                next = asset.with(to.get(), new Asset.Pending(e.event(), sender, null, e.amount()));
            }
            case E09 -> {
                next = asset.withCredit(new Asset.CreditLine(sender, pending.amount())).with(to.get(), null);
                score(s, asset.owner(), CreditRules.CREDIT_CONFIRMED);
            }
            case E10 -> {
                if (senderAccount.level() < 2) {
                    return refuse(Refusal.Code.MEMBER_LEVEL, what + ": the owner " + sender + " is Level " + senderAccount.level()
                            + "; withdrawal needs a Level 2 (KYC-attested) member");
                }
                if (asset.credit() != null) {
                    return refuse(Refusal.Code.CREDIT_OUTSTANDING, what + ": credit from " + asset.credit().creditor() + " is still open on it");
                }
                next = asset.with(to.get(), new Asset.Pending(e.event(), sender, null, 0));
            }
            case E02, E08, E11 -> {
                next = asset.with(to.get(), null);
                score(s, pending.requester(), CreditRules.REQUEST_REJECTED);
            }
            case E05 -> {
                next = asset.with(to.get(), null);
                if (!sender.equals(asset.owner())) {
                    score(s, pending.requester(), CreditRules.REQUEST_REJECTED);
                }
            }
            case E12 -> next = asset.with(to.get(), null);
            default -> throw new IllegalStateException("unhandled event " + e.event());
        }
        AssetRecord record = new AssetRecord(next.state(), e.event(),
                new AssetRecord.TxData(ctx.txId(), ctx.height(), ctx.timeMs(), sender, from), e.data());
        s.put(s.append(next, record));
        return Optional.empty();
    }

    private static Optional<Refusal> authorise(Asset asset, AssetEventCode event, Address sender, Account account, String what) {
        boolean arbiter = account.has(Role.ARBITER);
        boolean allowed = switch (event) {
            case E01, E04, E07, E10 -> sender.equals(asset.owner());
            case E02, E03, E11, E12 -> arbiter || account.has(Role.GATEWAY);
            case E05 -> arbiter || sender.equals(asset.pending().to()) || sender.equals(asset.owner());
            case E06 -> arbiter || sender.equals(asset.pending().to());
            case E08, E09 -> arbiter || account.has(Role.CREDITOR);
        };
        if (allowed) {
            return Optional.empty();
        }
        String who = switch (event) {
            case E01, E04, E07, E10 -> "only the owner " + asset.owner();
            case E02, E03, E11, E12 -> "only a GATEWAY or an ARBITER";
            case E05 -> "only the recipient " + asset.pending().to() + ", the owner or an ARBITER";
            case E06 -> "only the recipient " + asset.pending().to() + " or an ARBITER";
            case E08, E09 -> "only a CREDITOR or an ARBITER";
        };
        return refuse(Refusal.Code.NOT_AUTHORISED, what + ": sender " + sender + " may not send it; " + who + " may");
    }

    private static void score(Overlay s, Address a, int delta) {
        s.put(a, s.account(a).withCreditDelta(delta));
    }

    private static Optional<Refusal> refuse(Refusal.Code code, String message) {
        return Optional.of(Refusal.of(code, message));
    }
}
