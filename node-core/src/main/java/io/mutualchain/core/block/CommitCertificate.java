package io.mutualchain.core.block;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.validation.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Proof that a quorum of validators committed {@code blockHash} at {@code height} in {@code view}.
 * Signatures are kept sorted by validator key with no duplicates, so a certificate has one encoding.
 */
public record CommitCertificate(long view, long height, Hash32 blockHash, List<ValidatorSignature> signatures) {
    /** Bounds decoding; no validator set is larger. */
    public static final int MAX_SIGNATURES = 1024;

    public CommitCertificate {
        List<ValidatorSignature> sorted = new ArrayList<>(signatures);
        sorted.sort(Comparator.comparing(ValidatorSignature::validator));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).validator().equals(sorted.get(i - 1).validator())) {
                throw new IllegalArgumentException("certificate lists validator " + sorted.get(i).validator() + " twice");
            }
        }
        signatures = List.copyOf(sorted);
    }

    /** Checks one signature; production uses Ed25519, the simulator a memoising wrapper around it. */
    @FunctionalInterface
    public interface SignatureCheck {
        boolean verify(PublicKey key, byte[] message, Signature signature);
    }

    /**
     * Checks the certificate against a validator set: every signer is a validator, every signature
     * verifies over the commit vote, and there are at least {@code quorum} of them. A refusal carries
     * a {@link CertificateCode}.
     */
    public Validation verify(String chainId, Set<PublicKey> validators, int quorum, Hash32 expectedBlockHash, long expectedHeight) {
        return verify(chainId, validators, quorum, expectedBlockHash, expectedHeight, Ed25519::verify);
    }

    /** {@link #verify(String, Set, int, Hash32, long)} with each signature checked by {@code check}. */
    public Validation verify(String chainId, Set<PublicKey> validators, int quorum, Hash32 expectedBlockHash, long expectedHeight,
                             SignatureCheck check) {
        if (!blockHash.equals(expectedBlockHash)) {
            return Validation.refused(CertificateCode.BLOCK_MISMATCH,
                    "certificate is for block " + blockHash + ", not " + expectedBlockHash);
        }
        if (height != expectedHeight) {
            return Validation.refused(CertificateCode.HEIGHT_MISMATCH, "certificate is for height " + height + ", not " + expectedHeight);
        }
        if (signatures.size() < quorum) {
            return Validation.refused(CertificateCode.BELOW_QUORUM, "certificate has " + signatures.size()
                    + " signatures; the quorum is " + quorum);
        }
        byte[] msg = CommitVote.signingBytes(chainId, view, height, blockHash);
        for (ValidatorSignature s : signatures) {
            if (!validators.contains(s.validator())) {
                return Validation.refused(CertificateCode.SIGNER_NOT_VALIDATOR,
                        "certificate signer " + s.validator() + " is not a validator");
            }
            if (!check.verify(s.validator(), msg, s.signature())) {
                return Validation.refused(CertificateCode.BAD_SIGNATURE, "certificate signature of " + s.validator() + " does not verify");
            }
        }
        return Validation.valid();
    }

    public void write(CanonicalWriter w) {
        w.uint(view);
        w.uint(height);
        blockHash.write(w);
        w.list(signatures, (ww, s) -> s.write(ww));
    }

    public static CommitCertificate read(CanonicalReader r) {
        long view = r.uint("cert.view", Long.MAX_VALUE);
        long height = r.uint("cert.height", Long.MAX_VALUE);
        Hash32 hash = Hash32.read(r, "cert.blockHash");
        List<ValidatorSignature> sigs = r.list("cert.signatures", MAX_SIGNATURES, ValidatorSignature::read);
        for (int i = 1; i < sigs.size(); i++) {
            if (sigs.get(i - 1).validator().compareTo(sigs.get(i).validator()) >= 0) {
                throw new IllegalArgumentException("certificate signatures are not in canonical order");
            }
        }
        return new CommitCertificate(view, height, hash, sigs);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64 + signatures.size() * 96);
        write(w);
        return w.toByteArray();
    }

    public static CommitCertificate decode(byte[] bytes) {
        return Decoding.strict(bytes, "commit certificate", CommitCertificate::read);
    }
}
