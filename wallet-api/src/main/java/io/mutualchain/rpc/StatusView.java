package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;

/** What an operator checks first: which chain, how far along, how busy, and whether this node votes. */
public record StatusView(String chainId, String nodeName, long height, Hash32 lastBlockHash, long lastBlockTimeMs,
                         int mempoolSize, boolean validator, long view) {
}
