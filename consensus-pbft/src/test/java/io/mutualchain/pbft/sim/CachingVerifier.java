package io.mutualchain.pbft.sim;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.pbft.message.SignatureVerifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Real Ed25519 verification, remembered: in a simulated cluster every broadcast is verified by
 * n - 1 receivers, so each distinct (key, message, signature) is checked once. Same verdicts as
 * {@link SignatureVerifier#ED25519}; bounded by {@link #MAX_ENTRIES} (least recently used dropped).
 * See {@link #vouch} for signatures the simulator saw being made.
 */
public final class CachingVerifier implements SignatureVerifier {
    static final int MAX_ENTRIES = 200_000;

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }

    private final Map<Key, Boolean> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * Records a signature the simulator watched an engine produce with {@code key}'s private key
     * over exactly {@code message}, without paying for verification. Only for engine output, never
     * for anything a Byzantine wrapper forged or altered; the simulator still verifies a sample of
     * these for real, so an engine that signed the wrong bytes would be caught.
     */
    public void vouch(PublicKey key, byte[] message, Signature signature) {
        cache.put(key(key, message, signature), Boolean.TRUE);
    }

    private static Key key(PublicKey key, byte[] message, Signature signature) {
        byte[] pk = key.toBytes();
        byte[] sig = signature.toBytes();
        byte[] all = new byte[pk.length + sig.length + message.length];
        System.arraycopy(pk, 0, all, 0, pk.length);
        System.arraycopy(sig, 0, all, pk.length, sig.length);
        System.arraycopy(message, 0, all, pk.length + sig.length, message.length);
        return new Key(all);
    }

    @Override
    public boolean verify(PublicKey key, byte[] message, Signature signature) {
        byte[] pk = key.toBytes();
        byte[] sig = signature.toBytes();
        byte[] all = new byte[pk.length + sig.length + message.length];
        System.arraycopy(pk, 0, all, 0, pk.length);
        System.arraycopy(sig, 0, all, pk.length, sig.length);
        System.arraycopy(message, 0, all, pk.length + sig.length, message.length);
        Key k = new Key(all);
        Boolean v = cache.get(k);
        if (v == null) {
            v = SignatureVerifier.ED25519.verify(key, message, signature);
            cache.put(k, v);
        }
        return v;
    }
}
