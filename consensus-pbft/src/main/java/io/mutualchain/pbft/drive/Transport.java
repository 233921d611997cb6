package io.mutualchain.pbft.drive;

import io.mutualchain.pbft.Outbound;
import java.util.List;

/** Sends the engine's messages to the other validators; never blocks on a peer and never fails the node. */
@FunctionalInterface
public interface Transport {
    /** The messages of one {@code Ready}, in order; {@link Outbound#to()} empty means every other validator. */
    void send(List<Outbound> messages);
}
