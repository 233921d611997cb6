package io.mutualchain.core.block;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.Transaction;
import java.nio.charset.StandardCharsets;

/**
 * A block header. {@code stateRoot} is the root of the world state after the parent block (for
 * height 1, after genesis): execution follows ordering, so a proposer never needs to run a block
 * before proposing it, and every node checks the root it computed when it sees the next header.
 * {@code receiptsRoot} is deferred the same way: the Merkle root over the consensus encodings of the
 * parent block's receipts, in block order (for height 1, the root of no receipts), so every outcome a
 * node computed is checked by the others one block later.
 * {@code timestampMs} is the proposer's clock, checked to be after the parent's; it is the only
 * time state transitions may read. The hash is SHA-256("MC-HDR-V2" || canonical encoding).
 */
public record BlockHeader(String chainId, long height, Hash32 prevHash, long timestampMs, Hash32 txRoot,
                          Hash32 stateRoot, Hash32 receiptsRoot, int txCount, PublicKey proposer, long view) {
    private static final byte[] TAG = "MC-HDR-V2".getBytes(StandardCharsets.US_ASCII);

    public BlockHeader {
        if (chainId == null || chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > Transaction.MAX_CHAIN_ID_BYTES) {
            throw new IllegalArgumentException("header chain id must be 1 to " + Transaction.MAX_CHAIN_ID_BYTES + " bytes");
        }
        if (height < 1) {
            throw new IllegalArgumentException("block height starts at 1, was " + height);
        }
        if (timestampMs < 0 || txCount < 0 || view < 0) {
            throw new IllegalArgumentException("header timestamp, tx count and view must not be negative");
        }
    }

    public void write(CanonicalWriter w) {
        w.string(chainId);
        w.uint(height);
        prevHash.write(w);
        w.uint(timestampMs);
        txRoot.write(w);
        stateRoot.write(w);
        receiptsRoot.write(w);
        w.uint(txCount);
        proposer.write(w);
        w.uint(view);
    }

    public static BlockHeader read(CanonicalReader r) {
        return new BlockHeader(
                r.string("header.chainId", Transaction.MAX_CHAIN_ID_BYTES),
                r.uint("header.height", Long.MAX_VALUE),
                Hash32.read(r, "header.prevHash"),
                r.uint("header.timestampMs", Long.MAX_VALUE),
                Hash32.read(r, "header.txRoot"),
                Hash32.read(r, "header.stateRoot"),
                Hash32.read(r, "header.receiptsRoot"),
                r.uintAsInt("header.txCount", Integer.MAX_VALUE),
                PublicKey.read(r, "header.proposer"),
                r.uint("header.view", Long.MAX_VALUE));
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(232);
        write(w);
        return w.toByteArray();
    }

    public static BlockHeader decode(byte[] bytes) {
        return Decoding.strict(bytes, "block header", BlockHeader::read);
    }

    public Hash32 hash() {
        return Sha256.hash(TAG, encode());
    }
}
