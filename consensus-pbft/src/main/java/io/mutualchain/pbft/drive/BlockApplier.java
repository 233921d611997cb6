package io.mutualchain.pbft.drive;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.CommittedBlock;

/**
 * The application's chain (the daemon's ledger; the simulator's block list): what it holds, and
 * the one way blocks get into it. Writing a block is durable by the time a method returns.
 *
 * @param <X> what a failed read or write throws
 */
public interface BlockApplier<X extends Exception> {
    /** Height of the last block applied; 0 at genesis. */
    long height();

    /** Hash of the last block applied (the genesis hash at height 0). */
    Hash32 headHash();

    /** State root after the last block applied. */
    Hash32 stateRoot();

    /**
     * Executes and stores a block the engine has committed ({@code height() + 1}); returns the state
     * root after it.
     */
    Hash32 apply(CommittedBlock block) throws X;

    /**
     * Observer mode: checks a block fetched from {@code from} (certificate against the set in force
     * at its height, link to the head) and applies it if sound. Returns false for a block refused for
     * what it is (the applier deals with the sender); a failure of this node's own throws.
     */
    boolean follow(PublicKey from, CommittedBlock block) throws X;
}
