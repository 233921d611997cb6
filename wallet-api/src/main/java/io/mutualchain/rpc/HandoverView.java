package io.mutualchain.rpc;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.Objects;

/**
 * A validator-set hand-over as served by {@code mc_getValidatorHandovers}: block {@code base}'s header
 * and commit certificate (signed by the set in force before the change), and the proof of the
 * validator schedule entry after block {@code base - 1} against that header's state root; the entry
 * names {@code validators} as the set pending from {@code base}, in force from block {@code base + 1}.
 * {@code validators} is the node's reading, shown for convenience; a client trusts only what
 * {@link io.mutualchain.rpc.proof.ValidatorSetChain} derives from the proof.
 */
public record HandoverView(long base, BlockHeader header, CommitCertificate certificate, ProofView proof, ValidatorSet validators) {
    public HandoverView {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(validators, "validators");
    }
}
