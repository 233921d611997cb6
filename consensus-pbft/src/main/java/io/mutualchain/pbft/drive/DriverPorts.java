package io.mutualchain.pbft.drive;

/**
 * Everything outside the engine that the driver acts on, injected by its owner (the daemon's
 * consensus loop, or one simulated replica).
 *
 * @param <X> what a failed read or write of the store or the chain throws
 */
public record DriverPorts<X extends Exception>(ConsensusStore<X> store, Transport transport, BlockApplier<X> chain,
                                               SyncRequester sync, EpochSource epochs, DriverEvents events) {
    public DriverPorts {
        if (store == null || transport == null || chain == null || sync == null || epochs == null || events == null) {
            throw new IllegalArgumentException("every driver port is required");
        }
    }
}
