package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Block bodies seen in pre-prepares and certificates, by height and hash, so that a commit quorum
 * can be turned into a committed block. At most {@link #MAX_BLOCKS_PER_HEIGHT} per height (an
 * equivocating primary cannot make it grow); the oldest is dropped first.
 */
final class BlockStore {
    /** Distinct blocks kept per height: an honest run needs one, a view change or two more. */
    static final int MAX_BLOCKS_PER_HEIGHT = 4;

    private final TreeMap<Long, LinkedHashMap<Hash32, Block>> blocks = new TreeMap<>();

    void add(Block block) {
        LinkedHashMap<Hash32, Block> at = blocks.computeIfAbsent(block.height(), h -> new LinkedHashMap<>());
        if (at.containsKey(block.hash())) {
            return;
        }
        if (at.size() >= MAX_BLOCKS_PER_HEIGHT) {
            Map.Entry<Hash32, Block> eldest = at.entrySet().iterator().next();
            at.remove(eldest.getKey());
        }
        at.put(block.hash(), block);
    }

    Block get(long height, Hash32 hash) {
        LinkedHashMap<Hash32, Block> at = blocks.get(height);
        return at == null ? null : at.get(hash);
    }

    void discardUpTo(long height) {
        blocks.headMap(height, true).clear();
    }

    void discardAbove(long height) {
        blocks.tailMap(height, false).clear();
    }
}
