package io.mutualchain.ledger.store;

import java.nio.charset.StandardCharsets;

/** Key encodings. Heights are fixed-width big-endian so that RocksDB's byte order is height order. */
public final class Keys {
    public static final byte[] META_SCHEMA = ascii("schema");
    public static final byte[] META_GENESIS_HASH = ascii("genesis_hash");
    public static final byte[] META_HEAD = ascii("head");
    public static final byte[] META_TOTALS = ascii("totals");
    /** Prefix of the epoch history: "epoch/" then the epoch's base height, 8 bytes big-endian (so a scan is in height order). */
    public static final byte[] META_EPOCH_PREFIX = ascii("epoch/");

    private Keys() {
    }

    public static byte[] height(long h) {
        byte[] k = new byte[8];
        for (int i = 7; i >= 0; i--) {
            k[i] = (byte) h;
            h >>>= 8;
        }
        return k;
    }

    /** The history key of the validator epoch starting after {@code base}. */
    public static byte[] epoch(long base) {
        byte[] k = new byte[META_EPOCH_PREFIX.length + 8];
        System.arraycopy(META_EPOCH_PREFIX, 0, k, 0, META_EPOCH_PREFIX.length);
        System.arraycopy(height(base), 0, k, META_EPOCH_PREFIX.length, 8);
        return k;
    }

    public static boolean isEpochKey(byte[] key) {
        return key.length == META_EPOCH_PREFIX.length + 8 && java.util.Arrays.equals(key, 0, META_EPOCH_PREFIX.length, META_EPOCH_PREFIX, 0,
                META_EPOCH_PREFIX.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
