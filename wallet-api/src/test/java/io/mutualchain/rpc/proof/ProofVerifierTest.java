package io.mutualchain.rpc.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CertificateCode;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.rpc.ProofView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client checks a proof against a certified header: values that changed, headers that differ, certificates that are not a quorum all fail. */
class ProofVerifierTest {
    private static final String CHAIN = "mc-proof-test";
    private final KeyPair v1 = KeyPair.fromSeed(seed(1));
    private final KeyPair v2 = KeyPair.fromSeed(seed(2));
    private final KeyPair v3 = KeyPair.fromSeed(seed(3));
    private final KeyPair v4 = KeyPair.fromSeed(seed(4));
    private final ValidatorSet validators = new ValidatorSet(List.of(new Validator("a", v1.publicKey()), new Validator("b", v2.publicKey()),
            new Validator("c", v3.publicKey()), new Validator("d", v4.publicKey())));
    private final TestTree tree = new TestTree();

    private static byte[] seed(int i) {
        byte[] s = new byte[32];
        s[0] = (byte) i;
        return s;
    }

    private static byte[] key(int i) {
        return new byte[] {2, (byte) i, 7};
    }

    private static byte[] value(int i) {
        return ("asset-value-" + i).getBytes();
    }

    ProofVerifierTest() {
        for (int i = 0; i < 40; i++) {
            tree.put(key(i), value(i));
        }
    }

    private BlockHeader header(long height, Hash32 root) {
        return new BlockHeader(CHAIN, height, Sha256.hash("parent".getBytes()), 1_000, Sha256.hash("txs".getBytes()), root, Hash32.ZERO, 0, v1.publicKey(), 0);
    }

    private CommitCertificate cert(BlockHeader h, KeyPair... signers) {
        byte[] vote = CommitVote.signingBytes(CHAIN, 0, h.height(), h.hash());
        List<ValidatorSignature> sigs = java.util.Arrays.stream(signers).map(k -> new ValidatorSignature(k.publicKey(), k.sign(vote))).toList();
        return new CommitCertificate(0, h.height(), h.hash(), sigs);
    }

    private ProofView proofOf(int i, byte[] value) {
        return new ProofView("asset", key(i), value, 9, Hash32.of(tree.root()), tree.prove(key(i)));
    }

    @Test
    void aProofOfAPresentValueVerifiesAgainstTheCertifiedNextHeader() {
        BlockHeader h = header(10, Hash32.of(tree.root()));
        for (int i = 0; i < 40; i++) {
            ProofVerifier.Verdict v = ProofVerifier.verify(proofOf(i, value(i)), h, cert(h, v1, v2, v3), CHAIN, validators);
            assertThat(v.ok()).as(v.message()).isTrue();
        }
    }

    @Test
    void aProofForAChangedValueFails() {
        BlockHeader h = header(10, Hash32.of(tree.root()));
        ProofVerifier.Verdict v = ProofVerifier.verify(proofOf(5, value(6)), h, cert(h, v1, v2, v3), CHAIN, validators);
        assertThat(v.outcome()).isEqualTo(ProofVerifier.Outcome.ROOT_MISMATCH);
        ProofView absentClaim = proofOf(5, null);
        assertThat(ProofVerifier.verify(absentClaim, h, cert(h, v1, v2, v3), CHAIN, validators).outcome()).isEqualTo(ProofVerifier.Outcome.ROOT_MISMATCH);
    }

    @Test
    void absentKeysAreProvedAbsentAndCannotBeClaimedPresent() {
        BlockHeader h = header(10, Hash32.of(tree.root()));
        for (int i = 100; i < 140; i++) {
            assertThat(ProofVerifier.verify(proofOf(i, null), h, cert(h, v1, v2, v3), CHAIN, validators).ok()).as("absent %d", i).isTrue();
            assertThat(ProofVerifier.verify(proofOf(i, value(i)), h, cert(h, v1, v2, v3), CHAIN, validators).ok()).isFalse();
        }
    }

    @Test
    void theHeaderMustBeTheNextOneWithTheSameRootAndCertifiedByAQuorum() {
        BlockHeader h = header(10, Hash32.of(tree.root()));
        BlockHeader wrongHeight = header(9, Hash32.of(tree.root()));
        assertThat(ProofVerifier.verify(proofOf(1, value(1)), wrongHeight, cert(wrongHeight, v1, v2, v3), CHAIN, validators).outcome())
                .isEqualTo(ProofVerifier.Outcome.WRONG_HEADER);
        BlockHeader otherRoot = header(10, Sha256.hash("x".getBytes()));
        assertThat(ProofVerifier.verify(proofOf(1, value(1)), otherRoot, cert(otherRoot, v1, v2, v3), CHAIN, validators).outcome())
                .isEqualTo(ProofVerifier.Outcome.WRONG_HEADER);
        ProofVerifier.Verdict short2 = ProofVerifier.verify(proofOf(1, value(1)), h, cert(h, v1, v2), CHAIN, validators);
        assertThat(short2.outcome()).as("two of four is not 2f + 1").isEqualTo(ProofVerifier.Outcome.BAD_CERTIFICATE);
        assertThat(short2.certificate()).contains(CertificateCode.BELOW_QUORUM);
        KeyPair stranger = KeyPair.fromSeed(seed(9));
        ProofVerifier.Verdict foreign = ProofVerifier.verify(proofOf(1, value(1)), h, cert(h, v1, v2, stranger), CHAIN, validators);
        assertThat(foreign.outcome()).isEqualTo(ProofVerifier.Outcome.BAD_CERTIFICATE);
        assertThat(foreign.certificate()).contains(CertificateCode.SIGNER_NOT_VALIDATOR);
        assertThat(foreign.message()).contains("SIGNER_NOT_VALIDATOR: certificate signer " + stranger.publicKey() + " is not a validator");
    }

    @Test
    void onlyACertificateRefusalCarriesACertificateCode() {
        BlockHeader h = header(10, Hash32.of(tree.root()));
        ProofVerifier.Verdict ok = ProofVerifier.verify(proofOf(1, value(1)), h, cert(h, v1, v2, v3), CHAIN, validators);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.certificate()).isEmpty();
        BlockHeader wrongHeight = header(9, Hash32.of(tree.root()));
        assertThat(ProofVerifier.verify(proofOf(1, value(1)), wrongHeight, cert(wrongHeight, v1, v2, v3), CHAIN, validators).certificate())
                .isEmpty();
    }

    @Test
    void aProofForAnotherKeyOrWithBrokenBytesIsRefused() {
        ProofView p = proofOf(3, value(3));
        ProofView otherKey = new ProofView("asset", key(4), value(3), 9, p.stateRoot(), p.proof());
        assertThat(ProofVerifier.verifyAgainstRoot(otherKey, p.stateRoot()).outcome()).isEqualTo(ProofVerifier.Outcome.WRONG_KEY);
        byte[] cut = java.util.Arrays.copyOf(p.proof(), p.proof().length - 1);
        ProofView broken = new ProofView("asset", key(3), value(3), 9, p.stateRoot(), cut);
        assertThat(ProofVerifier.verifyAgainstRoot(broken, p.stateRoot()).outcome()).isEqualTo(ProofVerifier.Outcome.MALFORMED_PROOF);
    }
}
