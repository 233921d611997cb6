package io.mutualchain.rpc.subscribe;

/**
 * The signal from the node to the subscription hub: the latest committed height. The daemon calls
 * {@link #committed} on its consensus thread after each block is applied; that only raises a number
 * and wakes the hub, so it never blocks consensus however slow the subscribers are.
 */
public final class ChainEvents {
    private long committed;

    /** Block {@code height} is committed and applied; lower or repeated heights are ignored. */
    public synchronized void committed(long height) {
        if (height > committed) {
            committed = height;
            notifyAll();
        }
    }

    /** The latest height signalled so far (0 before any). */
    public synchronized long latest() {
        return committed;
    }

    /** For the hub: waits until a height above {@code height} is signalled and returns the latest one. */
    synchronized long awaitAbove(long height) throws InterruptedException {
        while (committed <= height) {
            wait();
        }
        return committed;
    }
}
