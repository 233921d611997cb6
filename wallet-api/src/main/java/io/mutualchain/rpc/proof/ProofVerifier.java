package io.mutualchain.rpc.proof;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CertificateCode;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.rpc.ProofView;
import java.util.Optional;

/**
 * Checks a {@link ProofView} end to end: the header is the one the proof names (height + 1, same
 * state root), the commit certificate finalises that header with a quorum of the validators the
 * client trusts, the proof is for the entry's state key, and the value (or its absence) hashes up to
 * the header's state root.
 */
public final class ProofVerifier {
    private ProofVerifier() {
    }

    /** Why a proof was not accepted; {@link #OK} when it was. */
    public enum Outcome {
        OK,
        WRONG_HEADER,
        BAD_CERTIFICATE,
        WRONG_KEY,
        MALFORMED_PROOF,
        ROOT_MISMATCH
    }

    /**
     * The outcome with a sentence for people; for {@link Outcome#BAD_CERTIFICATE}, also the
     * certificate check's typed reason.
     */
    public record Verdict(Outcome outcome, String message, Optional<CertificateCode> certificate) {
        public Verdict(Outcome outcome, String message) {
            this(outcome, message, Optional.empty());
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }
    }

    public static Verdict verify(ProofView p, BlockHeader header, CommitCertificate cert, String chainId, ValidatorSet validators) {
        if (header.height() != p.verifiesAgainstHeight() || !header.stateRoot().equals(p.stateRoot()) || !header.chainId().equals(chainId)) {
            return new Verdict(Outcome.WRONG_HEADER, "the proof of the state after block " + p.height() + " is checked against header "
                    + p.verifiesAgainstHeight() + " with state root " + p.stateRoot() + "; got header " + header.height() + " with "
                    + header.stateRoot());
        }
        Validation bad = cert.verify(chainId, validators.keys(), validators.quorum(), header.hash(), header.height());
        if (bad instanceof Validation.Refused r) {
            return new Verdict(Outcome.BAD_CERTIFICATE, "the certificate does not finalise header " + header.height() + ": " + r.message(),
                    r.code() instanceof CertificateCode c ? Optional.of(c) : Optional.empty());
        }
        return verifyAgainstRoot(p, header.stateRoot());
    }

    /** The proof alone against a root the caller already trusts. */
    public static Verdict verifyAgainstRoot(ProofView p, Hash32 root) {
        StateProofs.Decoded d;
        try {
            d = StateProofs.decode(p.proof());
        } catch (CodecException e) {
            return new Verdict(Outcome.MALFORMED_PROOF, "the proof does not decode: " + e.getMessage());
        }
        if (!d.key().equals(Sha256.hash(p.stateKey()))) {
            return new Verdict(Outcome.WRONG_KEY, "the proof is for tree key " + d.key() + ", not for SHA-256 of the state key");
        }
        Optional<Hash32> implied = StateProofs.impliedRoot(d, Optional.ofNullable(p.value()));
        if (implied.isEmpty() || !implied.get().equals(root)) {
            return new Verdict(Outcome.ROOT_MISMATCH, "the " + p.kind() + (p.value() == null ? " (absent)" : "")
                    + " does not hash up to state root " + root);
        }
        return new Verdict(Outcome.OK, "the " + p.kind() + " is proven against state root " + root);
    }
}
