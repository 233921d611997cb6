package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.types.Address;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event in an asset's history, in the whitepaper's on-chain record format (chapter 4.3):
 * state code - input code - transaction data - business data. The state code is the state the event
 * led to; the transaction data says which transaction, where and when, who sent it and the state it
 * left; the business data is the event's opaque data, as sent.
 *
 * <p>Encoding (canonical codec): state (u8), input (u8), then tx id, height (uint), time ms (uint),
 * sender (20 bytes), previous state (u8), then business data (bytes).
 */
public record AssetRecord(AssetState state, AssetEventCode input, TxData tx, byte[] business) {
    /** The transaction part of a record. */
    public record TxData(Hash32 txId, long height, long timeMs, Address sender, AssetState from) {
        public TxData {
            Objects.requireNonNull(txId, "txId");
            Objects.requireNonNull(sender, "sender");
            Objects.requireNonNull(from, "from");
        }
    }

    public AssetRecord {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(tx, "tx");
        business = business.clone();
    }

    @Override
    public byte[] business() {
        return business.clone();
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(128 + business.length);
        w.u8(state.code()).u8(input.code());
        tx.txId().write(w);
        w.uint(tx.height()).uint(tx.timeMs());
        tx.sender().write(w);
        w.u8(tx.from().code());
        w.bytes(business);
        return w.toByteArray();
    }

    public static AssetRecord decode(byte[] bytes) {
        return Decoding.strict(bytes, "asset record", AssetRecord::read);
    }

    private static AssetRecord read(CanonicalReader r) {
        int state = r.u8("record.state");
        int input = r.u8("record.input");
        if (state > 6 || input < 1 || input > 12) {
            throw new CodecException("record: state " + state + " or input " + input + " out of range");
        }
        Hash32 txId = Hash32.read(r, "record.txId");
        long height = r.uint("record.height", Long.MAX_VALUE);
        long time = r.uint("record.timeMs", Long.MAX_VALUE);
        Address sender = Address.read(r, "record.sender");
        int from = r.u8("record.from");
        if (from > 6) {
            throw new CodecException("record.from: unknown state " + from);
        }
        byte[] business = r.bytes("record.business", AssetEvent.MAX_DATA_BYTES);
        return new AssetRecord(AssetState.ofCode(state), AssetEventCode.ofCode(input),
                new TxData(txId, height, time, sender, AssetState.ofCode(from)), business);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetRecord a && state == a.state && input == a.input && tx.equals(a.tx) && Arrays.equals(business, a.business);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, input, tx, Arrays.hashCode(business));
    }
}
