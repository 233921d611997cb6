package io.mutualchain.rpc.subscribe;

import java.util.Optional;

/** What a subscription follows, with the name a client passes as {@code topic}. */
public enum Topic {
    NEW_BLOCKS("newBlocks"),
    CONTRACT_EVENTS("contractEvents"),
    ASSET_CHANGES("assetChanges");

    private final String wireName;

    Topic(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Topic> byWireName(String name) {
        for (Topic t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
