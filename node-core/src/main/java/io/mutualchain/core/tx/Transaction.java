package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;

/**
 * A signed transaction. Encoding (canonical codec): chainId (string &le; 64 bytes), sender
 * (32-byte public key), nonce (uint), maxFee (uint, base units), payload (kind tag + fields), then
 * the 64-byte signature. The signature is over "MC-TX-V1" followed by everything before the
 * signature. The id is the SHA-256 of the whole encoding.
 */
public final class Transaction {
    public static final int MAX_CHAIN_ID_BYTES = 64;
    private static final byte[] SIGN_TAG = "MC-TX-V1".getBytes(StandardCharsets.US_ASCII);

    private final String chainId;
    private final PublicKey sender;
    private final long nonce;
    private final long maxFee;
    private final TxPayload payload;
    private final Signature signature;
    private final byte[] encoded;
    private final Hash32 id;

    private Transaction(String chainId, PublicKey sender, long nonce, long maxFee, TxPayload payload, Signature signature) {
        if (chainId == null || chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("chain id must be 1 to " + MAX_CHAIN_ID_BYTES + " bytes");
        }
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce cannot be negative");
        }
        if (maxFee < 0 || maxFee > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("max fee out of range: " + maxFee);
        }
        this.chainId = chainId;
        this.sender = sender;
        this.nonce = nonce;
        this.maxFee = maxFee;
        this.payload = payload;
        this.signature = signature;
        CanonicalWriter w = new CanonicalWriter(192);
        writeBody(w);
        signature.write(w);
        this.encoded = w.toByteArray();
        this.id = Sha256.hash(encoded);
    }

    /** Builds and signs a transaction. */
    public static Transaction sign(String chainId, KeyPair key, long nonce, long maxFee, TxPayload payload) {
        byte[] toSign = signingBytes(chainId, key.publicKey(), nonce, maxFee, payload);
        return new Transaction(chainId, key.publicKey(), nonce, maxFee, payload, key.sign(toSign));
    }

    /** Assembles a transaction with a given signature (which may be wrong: {@link #hasValidSignature()} decides). */
    public static Transaction of(String chainId, PublicKey sender, long nonce, long maxFee, TxPayload payload, Signature signature) {
        return new Transaction(chainId, sender, nonce, maxFee, payload, signature);
    }

    public static byte[] signingBytes(String chainId, PublicKey sender, long nonce, long maxFee, TxPayload payload) {
        CanonicalWriter w = new CanonicalWriter(160);
        w.fixed(SIGN_TAG);
        w.string(chainId);
        sender.write(w);
        w.uint(nonce);
        w.uint(maxFee);
        payload.write(w);
        return w.toByteArray();
    }

    private void writeBody(CanonicalWriter w) {
        w.string(chainId);
        sender.write(w);
        w.uint(nonce);
        w.uint(maxFee);
        payload.write(w);
    }

    public static Transaction read(CanonicalReader r) {
        String chainId = r.string("tx.chainId", MAX_CHAIN_ID_BYTES);
        PublicKey sender = PublicKey.read(r, "tx.sender");
        long nonce = r.uint("tx.nonce", Long.MAX_VALUE);
        long maxFee = r.uint("tx.maxFee", Mtn.TOTAL_SUPPLY);
        TxPayload payload = TxPayload.read(r);
        Signature sig = Signature.read(r, "tx.signature");
        return new Transaction(chainId, sender, nonce, maxFee, payload, sig);
    }

    /** Decodes exactly one transaction; any deviation from the canonical form is a CodecException. */
    public static Transaction decode(byte[] bytes) {
        return Decoding.strict(bytes, "transaction", Transaction::read);
    }

    public boolean hasValidSignature() {
        return Ed25519.verify(sender, signingBytes(chainId, sender, nonce, maxFee, payload), signature);
    }

    public void write(CanonicalWriter w) {
        w.fixed(encoded);
    }

    public byte[] encode() {
        return encoded.clone();
    }

    public int encodedSize() {
        return encoded.length;
    }

    public Hash32 id() {
        return id;
    }

    public String chainId() {
        return chainId;
    }

    public PublicKey sender() {
        return sender;
    }

    public Address senderAddress() {
        return Address.of(sender);
    }

    public long nonce() {
        return nonce;
    }

    public long maxFee() {
        return maxFee;
    }

    public TxPayload payload() {
        return payload;
    }

    public Signature signature() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && id.equals(t.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Transaction(" + id + ", " + payload.kindName() + ", nonce " + nonce + ")";
    }
}
