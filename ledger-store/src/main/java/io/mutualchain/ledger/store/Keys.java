package io.mutualchain.ledger.store;

import java.nio.charset.StandardCharsets;

/** Key encodings. Heights are fixed-width big-endian so that RocksDB's byte order is height order. */
public final class Keys {
    public static final byte[] META_SCHEMA = ascii("schema");
    public static final byte[] META_GENESIS_HASH = ascii("genesis_hash");
    public static final byte[] META_HEAD = ascii("head");
    public static final byte[] META_TOTALS = ascii("totals");
    /** Present once the store has a head marker file beside it; its absence then means the marker was lost. */
    public static final byte[] META_HAS_MARKER = ascii("has_head_marker");
    /** Prefix of the epoch history: "epoch/" then the epoch's base height, 8 bytes big-endian (so a scan is in height order). */
    public static final byte[] META_EPOCH_PREFIX = ascii("epoch/");
    /**
     * Prefix of the validator hand-over records: "epochproof/" then the base height of the epoch the
     * record hands over to, 8 bytes big-endian. Its sixth byte ('p') differs from "epoch/"'s ('/'), so
     * the two prefixes never match each other's keys.
     */
    public static final byte[] META_HANDOVER_PREFIX = ascii("epochproof/");

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
        return withHeight(META_EPOCH_PREFIX, base);
    }

    public static boolean isEpochKey(byte[] key) {
        return hasPrefix(key, META_EPOCH_PREFIX);
    }

    /** The key of the hand-over record for the epoch whose base is {@code base}. */
    public static byte[] handover(long base) {
        return withHeight(META_HANDOVER_PREFIX, base);
    }

    public static boolean isHandoverKey(byte[] key) {
        return hasPrefix(key, META_HANDOVER_PREFIX);
    }

    /** The height in a key made of a prefix and 8 big-endian bytes. */
    public static long heightSuffix(byte[] key) {
        long h = 0;
        for (int i = key.length - 8; i < key.length; i++) {
            h = (h << 8) | (key[i] & 0xff);
        }
        return h;
    }

    private static byte[] withHeight(byte[] prefix, long h) {
        byte[] k = new byte[prefix.length + 8];
        System.arraycopy(prefix, 0, k, 0, prefix.length);
        System.arraycopy(height(h), 0, k, prefix.length, 8);
        return k;
    }

    private static boolean hasPrefix(byte[] key, byte[] prefix) {
        return key.length == prefix.length + 8 && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
