package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One event of the asset state machine sent to asset {@code assetId}. Fields beyond the asset depend
 * on the event and are absent otherwise: a deposit request (E01) names the asset type and amount, a
 * transfer request (E04) the recipient, a credit request (E07) the amount of credit. {@code data} is
 * the business data of the on-chain record (at most {@link #MAX_DATA_BYTES}), opaque to the ledger.
 *
 * <p>A new asset's id is not chosen freely: it is {@link #newAssetId(Address, long)} of its owner and
 * the nonce of the E01 that creates it, so nobody can take another's id first.
 *
 * <p>Encoding after the tag: event code (u8, 1-12), asset id (32 bytes), then for E01 the asset type
 * (string) and amount (uint), for E04 the recipient (20 bytes), for E07 the amount (uint), then data (bytes).
 */
public record AssetEvent(AssetEventCode event, Hash32 assetId, String assetType, long amount, Address to, byte[] data)
        implements TxPayload {
    public static final int KIND = 2;
    public static final int MAX_DATA_BYTES = 256;
    public static final int MAX_TYPE_BYTES = 32;
    /** Largest amount of an asset (its own units, not MTN); keeps sums of amounts far from overflow. */
    public static final long MAX_AMOUNT = 1L << 60;
    private static final byte[] ID_TAG = "MC-ASSET-ID-V1".getBytes(StandardCharsets.US_ASCII);

    public AssetEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(assetId, "assetId");
        data = data == null ? new byte[0] : data.clone();
        if (data.length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("asset event data is " + data.length + " bytes; the limit is " + MAX_DATA_BYTES);
        }
        boolean hasType = event == AssetEventCode.E01;
        boolean hasAmount = event == AssetEventCode.E01 || event == AssetEventCode.E07;
        boolean hasTo = event == AssetEventCode.E04;
        if (hasType != (assetType != null)) {
            throw new IllegalArgumentException(hasType ? "a deposit request needs an asset type" : event + " carries no asset type");
        }
        if (hasType && (assetType.isEmpty() || assetType.getBytes(StandardCharsets.UTF_8).length > MAX_TYPE_BYTES
                || !assetType.matches("[A-Za-z0-9._-]+"))) {
            throw new IllegalArgumentException("asset type must be 1 to 32 letters, digits, '.', '_' or '-'");
        }
        if (hasAmount != (amount != 0)) {
            throw new IllegalArgumentException(hasAmount ? event + " needs an amount" : event + " carries no amount");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("asset amount must be between 1 and 2^60, was " + amount);
        }
        if (hasTo != (to != null)) {
            throw new IllegalArgumentException(hasTo ? "a transfer request needs a recipient" : event + " carries no recipient");
        }
    }

    /** An event that carries only the asset id and business data (every reject and confirm, E10). */
    public static AssetEvent simple(AssetEventCode event, Hash32 assetId, byte[] data) {
        return new AssetEvent(event, assetId, null, 0, null, data);
    }

    public static AssetEvent depositRequest(Hash32 assetId, String assetType, long amount, byte[] data) {
        return new AssetEvent(AssetEventCode.E01, assetId, assetType, amount, null, data);
    }

    public static AssetEvent transferRequest(Hash32 assetId, Address to, byte[] data) {
        return new AssetEvent(AssetEventCode.E04, assetId, null, 0, to, data);
    }

    public static AssetEvent creditRequest(Hash32 assetId, long amount, byte[] data) {
        return new AssetEvent(AssetEventCode.E07, assetId, null, amount, null, data);
    }

    /** The id of the asset that {@code owner} creates with the E01 of nonce {@code nonce}: SHA-256("MC-ASSET-ID-V1" || owner || nonce). */
    public static Hash32 newAssetId(Address owner, long nonce) {
        CanonicalWriter w = new CanonicalWriter(40);
        owner.write(w);
        w.uint(nonce);
        return Sha256.hash(ID_TAG, w.toByteArray());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "asset";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        w.u8(event.code());
        assetId.write(w);
        switch (event) {
            case E01 -> w.string(assetType).uint(amount);
            case E04 -> to.write(w);
            case E07 -> w.uint(amount);
            default -> {
            }
        }
        w.bytes(data);
    }

    static AssetEvent readFields(CanonicalReader r) {
        int code = r.u8("asset.event");
        if (code < 1 || code > 12) {
            throw new io.mutualchain.core.codec.CodecException("asset.event: unknown event code " + code);
        }
        AssetEventCode event = AssetEventCode.ofCode(code);
        Hash32 id = Hash32.read(r, "asset.id");
        String type = null;
        long amount = 0;
        Address to = null;
        switch (event) {
            case E01 -> {
                type = r.string("asset.type", MAX_TYPE_BYTES);
                amount = r.uint("asset.amount", MAX_AMOUNT);
            }
            case E04 -> to = Address.read(r, "asset.to");
            case E07 -> amount = r.uint("asset.amount", MAX_AMOUNT);
            default -> {
            }
        }
        byte[] data = r.bytes("asset.data", MAX_DATA_BYTES);
        return new AssetEvent(event, id, type, amount, to, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetEvent e && event == e.event && assetId.equals(e.assetId) && Objects.equals(assetType, e.assetType)
                && amount == e.amount && Objects.equals(to, e.to) && Arrays.equals(data, e.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(event, assetId, assetType, amount, to, Arrays.hashCode(data));
    }
}
