package io.mutualchain.rpc.subscribe;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import java.util.Objects;

/**
 * A topic and its optional filters: {@code contract} (contractEvents), {@code asset} or {@code owner}
 * (assetChanges). A null filter matches everything of the topic.
 */
public record SubscriptionFilter(Topic topic, Address contract, Hash32 asset, Address owner) {
    public SubscriptionFilter {
        Objects.requireNonNull(topic, "topic");
        if (contract != null && topic != Topic.CONTRACT_EVENTS) {
            throw new IllegalArgumentException("'contract' filters contractEvents only");
        }
        if ((asset != null || owner != null) && topic != Topic.ASSET_CHANGES) {
            throw new IllegalArgumentException("'asset' and 'owner' filter assetChanges only");
        }
    }

    public static SubscriptionFilter of(Topic topic) {
        return new SubscriptionFilter(topic, null, null, null);
    }

    boolean matches(BlockNotes.ContractEventNote e) {
        return topic == Topic.CONTRACT_EVENTS && (contract == null || contract.equals(e.contract()));
    }

    boolean matches(BlockNotes.AssetChangeNote c) {
        return topic == Topic.ASSET_CHANGES && (asset == null || asset.equals(c.asset())) && (owner == null || c.parties().contains(owner));
    }
}
