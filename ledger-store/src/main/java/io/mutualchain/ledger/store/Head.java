package io.mutualchain.ledger.store;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;

/**
 * The committed tip: last height, its block hash and timestamp (genesis hash and genesis time at
 * height 0), the state root after it and the root of its receipts (of no receipts at height 0); the
 * next header must carry both roots. Written in the same batch as the block, so it is never ahead of
 * or behind the data. Encoding (canonical codec): height, hash, timeMs, stateRoot, receiptsRoot.
 */
public record Head(long height, Hash32 blockHash, long timeMs, Hash32 stateRoot, Hash32 receiptsRoot) {
    public Head {
        if (height < 0 || timeMs < 0) {
            throw new IllegalArgumentException("head height and time cannot be negative");
        }
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(128);
        w.uint(height);
        blockHash.write(w);
        w.uint(timeMs);
        stateRoot.write(w);
        receiptsRoot.write(w);
        return w.toByteArray();
    }

    public static Head decode(byte[] bytes) {
        return Decoding.strict(bytes, "head", Head::read);
    }

    private static Head read(CanonicalReader r) {
        return new Head(r.uint("head.height", Long.MAX_VALUE), Hash32.read(r, "head.blockHash"),
                r.uint("head.timeMs", Long.MAX_VALUE), Hash32.read(r, "head.stateRoot"), Hash32.read(r, "head.receiptsRoot"));
    }
}
