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
