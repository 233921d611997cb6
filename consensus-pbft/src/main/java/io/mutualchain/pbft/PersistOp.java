package io.mutualchain.pbft;

import java.nio.charset.StandardCharsets;

/**
 * One durable write the engine needs before its messages may leave the node. Keys all start with
 * {@link #PREFIX} and sort in height order, so the daemon can keep them in one key range and hand
 * the whole range back to the constructor on restart. The operations of one {@code Ready} are in
 * order: when two touch the same key, the later one wins (a store that batches puts and deletes
 * separately must reduce them to the last operation per key first).
 *
 * @param key   the record's key
 * @param value the bytes to store, or {@code null} to delete the key
 */
public record PersistOp(String key, byte[] value) {
    public static final String PREFIX = "pbft/";

    public PersistOp {
        if (key == null || !key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("persist keys start with " + PREFIX);
        }
        value = value == null ? null : value.clone();
    }

    public boolean isDelete() {
        return value == null;
    }

    public byte[] keyBytes() {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }
}
