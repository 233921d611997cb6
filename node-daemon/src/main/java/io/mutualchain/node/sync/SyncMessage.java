package io.mutualchain.node.sync;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import java.util.List;

/**
 * Messages on the BLOCK_SYNC channel, in the canonical codec with a one-byte tag:
 * 1 Status(height, lastBlockHash), 2 GetBlocks(fromHeight, maxCount), 3 Blocks(list of block + certificate).
 */
public sealed interface SyncMessage {
    /** Most blocks one answer carries; also bounds decoding. */
    int MAX_BLOCKS_PER_ANSWER = 64;

    byte[] encode();

    record Status(long height, Hash32 lastBlockHash) implements SyncMessage {
        @Override
        public byte[] encode() {
            CanonicalWriter w = new CanonicalWriter(48).u8(1).uint(height);
            lastBlockHash.write(w);
            return w.toByteArray();
        }
    }

    record GetBlocks(long fromHeight, int maxCount) implements SyncMessage {
        public GetBlocks {
            if (fromHeight < 1 || maxCount < 1 || maxCount > MAX_BLOCKS_PER_ANSWER) {
                throw new IllegalArgumentException("GetBlocks needs fromHeight >= 1 and 1..." + MAX_BLOCKS_PER_ANSWER + " blocks");
            }
        }

        @Override
        public byte[] encode() {
            return new CanonicalWriter(16).u8(2).uint(fromHeight).uint(maxCount).toByteArray();
        }
    }

    record CertifiedBlock(Block block, CommitCertificate certificate) {
    }

    record Blocks(List<CertifiedBlock> blocks) implements SyncMessage {
        public Blocks {
            if (blocks.size() > MAX_BLOCKS_PER_ANSWER) {
                throw new IllegalArgumentException("at most " + MAX_BLOCKS_PER_ANSWER + " blocks per answer");
            }
            blocks = List.copyOf(blocks);
        }

        @Override
        public byte[] encode() {
            CanonicalWriter w = new CanonicalWriter(4096).u8(3);
            w.list(blocks, (ww, b) -> {
                b.block().write(ww);
                b.certificate().write(ww);
            });
            return w.toByteArray();
        }
    }

    static SyncMessage decode(byte[] bytes) {
        return Decoding.strict(bytes, "sync message", SyncMessage::read);
    }

    private static SyncMessage read(CanonicalReader r) {
        int tag = r.u8("sync tag");
        return switch (tag) {
            case 1 -> new Status(r.uint("status.height", Long.MAX_VALUE), Hash32.read(r, "status.lastBlockHash"));
            case 2 -> new GetBlocks(r.uint("getBlocks.from", Long.MAX_VALUE), r.uintAsInt("getBlocks.max", MAX_BLOCKS_PER_ANSWER));
            case 3 -> new Blocks(r.list("blocks", MAX_BLOCKS_PER_ANSWER,
                    rr -> new CertifiedBlock(Block.read(rr), CommitCertificate.read(rr))));
            default -> throw new CodecException("unknown sync message tag " + tag);
        };
    }
}
