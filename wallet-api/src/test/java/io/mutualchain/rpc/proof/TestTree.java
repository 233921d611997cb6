package io.mutualchain.rpc.proof;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The state tree by its definition, over state keys and values, producing roots and encoded proofs the way a node does. */
final class TestTree {
    private final TreeMap<byte[], byte[]> leaves = new TreeMap<>(Arrays::compareUnsigned);

    void put(byte[] stateKey, byte[] value) {
        leaves.put(Sha256.digest(stateKey), Sha256.digest(value));
    }

    byte[] root() {
        return hash(0, new ArrayList<>(leaves.entrySet()));
    }

    private static byte[] hash(int depth, List<Map.Entry<byte[], byte[]>> keys) {
        if (keys.isEmpty()) {
            return new byte[32];
        }
        if (keys.size() == 1) {
            return Sha256.digest(new byte[] {0}, keys.get(0).getKey(), keys.get(0).getValue());
        }
        List<Map.Entry<byte[], byte[]>> l = new ArrayList<>();
        List<Map.Entry<byte[], byte[]>> r = new ArrayList<>();
        for (Map.Entry<byte[], byte[]> e : keys) {
            (StateProofs.bit(e.getKey(), depth) == 0 ? l : r).add(e);
        }
        return Sha256.digest(new byte[] {1}, hash(depth + 1, l), hash(depth + 1, r));
    }

    /** The encoded proof for a state key, in the node's format. */
    byte[] prove(byte[] stateKey) {
        byte[] k = Sha256.digest(stateKey);
        List<Map.Entry<byte[], byte[]>> here = new ArrayList<>(leaves.entrySet());
        List<byte[]> siblings = new ArrayList<>();
        int depth = 0;
        while (here.size() > 1) {
            List<Map.Entry<byte[], byte[]>> same = new ArrayList<>();
            List<Map.Entry<byte[], byte[]>> other = new ArrayList<>();
            for (Map.Entry<byte[], byte[]> e : here) {
                (StateProofs.bit(e.getKey(), depth) == StateProofs.bit(k, depth) ? same : other).add(e);
            }
            siblings.add(hash(depth + 1, other));
            here = same;
            depth++;
        }
        CanonicalWriter w = new CanonicalWriter();
        w.fixed(k);
        w.uint(siblings.size());
        byte[] bitmap = new byte[(siblings.size() + 7) / 8];
        List<byte[]> present = new ArrayList<>();
        for (int d = 0; d < siblings.size(); d++) {
            if (!Arrays.equals(siblings.get(d), new byte[32])) {
                bitmap[d >>> 3] |= (byte) (0x80 >>> (d & 7));
                present.add(siblings.get(d));
            }
        }
        w.fixed(bitmap);
        present.forEach(w::fixed);
        if (here.isEmpty()) {
            w.u8(0);
        } else if (Arrays.equals(here.get(0).getKey(), k)) {
            w.u8(1);
        } else {
            w.u8(2).fixed(here.get(0).getKey()).fixed(here.get(0).getValue());
        }
        return w.toByteArray();
    }
}
