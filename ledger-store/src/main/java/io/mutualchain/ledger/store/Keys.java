package io.mutualchain.ledger.store;

import java.nio.charset.StandardCharsets;

/** Key encodings. Heights are fixed-width big-endian so that RocksDB's byte order is height order. */
public final class Keys {
    public static final byte[] META_SCHEMA = ascii("schema");
    public static final byte[] META_GENESIS_HASH = ascii("genesis_hash");
    public static final byte[] META_HEAD = ascii("head");
    public static final byte[] META_TOTALS = ascii("totals");

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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
