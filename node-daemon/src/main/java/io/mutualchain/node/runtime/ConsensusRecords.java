package io.mutualchain.node.runtime;

import io.mutualchain.core.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The engine names its persisted records with text keys; the ledger stores raw key bytes and lists
 * them hex-encoded. This turns the ledger's listing back into the engine's keys on restart.
 */
final class ConsensusRecords {
    private ConsensusRecords() {
    }

    static SortedMap<String, byte[]> restore(SortedMap<String, byte[]> hexKeyed) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : hexKeyed.entrySet()) {
            out.put(new String(Hex.decode(e.getKey()), StandardCharsets.UTF_8), e.getValue());
        }
        return out;
    }
}
