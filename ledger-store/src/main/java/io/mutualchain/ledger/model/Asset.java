package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.types.Address;
import java.util.Objects;

/**
 * An asset: a value object on chain (a deposit of off-chain value through a gateway, in units of its
 * own {@code type}, not MTN). {@code records} counts its history records (one per event, stored under
 * their own state keys); {@code pending} is the open request while the asset is in S1 to S4;
 * {@code credit} is credit granted on it (E09) and not yet closed.
 *
 * <p>Encoding (canonical codec): id, owner, type (string), amount (uint), state (u8), records (uint),
 * pending (presence byte; event code u8, requester, recipient presence + address, amount uint), credit
 * (presence byte; creditor, amount uint).
 */
public record Asset(Hash32 id, Address owner, String type, long amount, AssetState state, long records, Pending pending,
                    CreditLine credit) {
    /** The open request of a pending asset. {@code to} is the recipient of a transfer; {@code amount} that of a deposit or credit. */
    public record Pending(AssetEventCode event, Address requester, Address to, long amount) {
        public Pending {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(requester, "requester");
        }
    }

    /** Credit granted on the asset: who granted it and how much. */
    public record CreditLine(Address creditor, long amount) {
        public CreditLine {
            Objects.requireNonNull(creditor, "creditor");
        }
    }

    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        if (amount < 0 || records < 0) {
            throw new IllegalArgumentException("asset amount and record count cannot be negative");
        }
    }

    public Asset with(AssetState s, Pending p) {
        return new Asset(id, owner, type, amount, s, records, p, credit);
    }

    public Asset withOwner(Address o) {
        return new Asset(id, o, type, amount, state, records, pending, credit);
    }

    public Asset withAmount(long a) {
        return new Asset(id, owner, type, a, state, records, pending, credit);
    }

    public Asset withCredit(CreditLine c) {
        return new Asset(id, owner, type, amount, state, records, pending, c);
    }

    public Asset withRecords(long n) {
        return new Asset(id, owner, type, amount, state, n, pending, credit);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(160);
        id.write(w);
        owner.write(w);
        w.string(type).uint(amount).u8(state.code()).uint(records);
        w.bool(pending != null);
        if (pending != null) {
            w.u8(pending.event().code());
            pending.requester().write(w);
            w.bool(pending.to() != null);
            if (pending.to() != null) {
                pending.to().write(w);
            }
            w.uint(pending.amount());
        }
        w.bool(credit != null);
        if (credit != null) {
            credit.creditor().write(w);
            w.uint(credit.amount());
        }
        return w.toByteArray();
    }

    public static Asset decode(byte[] bytes) {
        return Decoding.strict(bytes, "asset", Asset::read);
    }

    private static Asset read(CanonicalReader r) {
        Hash32 id = Hash32.read(r, "asset.id");
        Address owner = Address.read(r, "asset.owner");
        String type = r.string("asset.type", AssetEvent.MAX_TYPE_BYTES);
        long amount = r.uint("asset.amount", Long.MAX_VALUE);
        int state = r.u8("asset.state");
        if (state > 6) {
            throw new CodecException("asset.state: unknown state " + state);
        }
        long records = r.uint("asset.records", Long.MAX_VALUE);
        Pending pending = null;
        if (r.bool("asset.pending")) {
            int code = r.u8("asset.pending.event");
            if (code < 1 || code > 12) {
                throw new CodecException("asset.pending.event: unknown event " + code);
            }
            Address requester = Address.read(r, "asset.pending.requester");
            Address to = r.bool("asset.pending.to present") ? Address.read(r, "asset.pending.to") : null;
            pending = new Pending(AssetEventCode.ofCode(code), requester, to, r.uint("asset.pending.amount", Long.MAX_VALUE));
        }
        CreditLine credit = null;
        if (r.bool("asset.credit")) {
            credit = new CreditLine(Address.read(r, "asset.credit.creditor"), r.uint("asset.credit.amount", Long.MAX_VALUE));
        }
        return new Asset(id, owner, type, amount, AssetState.ofCode(state), records, pending, credit);
    }
}
