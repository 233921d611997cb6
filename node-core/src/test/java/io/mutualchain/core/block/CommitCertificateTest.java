package io.mutualchain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.validation.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A certificate proves a commit only with a quorum of genuine validator signatures on this exact vote. */
class CommitCertificateTest {
    private static final String CHAIN = "mc-test";
    private static final long VIEW = 3;
    private static final long HEIGHT = 42;
    private static final Hash32 BLOCK = Sha256.hash("block 42".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final List<KeyPair> VALIDATORS = keys(4);
    private static final Set<PublicKey> VALIDATOR_KEYS = VALIDATORS.stream().map(KeyPair::publicKey)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    private static final int QUORUM = ValidatorSet.quorum(4);

    private static List<KeyPair> keys(int n) {
        List<KeyPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestKeys.key(500 + i));
        }
        return out;
    }

    private static ValidatorSignature vote(KeyPair k, String chain, long view, long height, Hash32 hash) {
        return new ValidatorSignature(k.publicKey(), k.sign(CommitVote.signingBytes(chain, view, height, hash)));
    }

    private static ValidatorSignature vote(KeyPair k) {
        return vote(k, CHAIN, VIEW, HEIGHT, BLOCK);
    }

    private static CommitCertificate cert(List<ValidatorSignature> sigs) {
        return new CommitCertificate(VIEW, HEIGHT, BLOCK, sigs);
    }

    private static Validation verify(CommitCertificate c) {
        return c.verify(CHAIN, VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT);
    }

    private static void assertRefused(Validation v, CertificateCode code, String detail) {
        assertThat(v.reason()).contains(code);
        assertThat(v.detail()).isEqualTo(detail);
        assertThat(v.message()).isEqualTo(code.name() + ": " + detail);
    }

    @Test
    void aQuorumOfGenuineSignaturesVerifies() {
        assertThat(QUORUM).isEqualTo(3);
        assertThat(verify(cert(List.of(vote(VALIDATORS.get(0)), vote(VALIDATORS.get(1)), vote(VALIDATORS.get(2))))).isOk()).isTrue();
        assertThat(verify(cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList()))).isEqualTo(Validation.valid());
    }

    @Test
    void oneSignatureShortOfTheQuorumFails() {
        CommitCertificate c = cert(List.of(vote(VALIDATORS.get(0)), vote(VALIDATORS.get(1))));
        assertRefused(verify(c), CertificateCode.BELOW_QUORUM, "certificate has 2 signatures; the quorum is 3");
    }

    @Test
    void aSignerOutsideTheValidatorSetFailsTheWholeCertificate() {
        KeyPair outsider = TestKeys.key(999);
        List<ValidatorSignature> sigs = new ArrayList<>(VALIDATORS.stream().map(CommitCertificateTest::vote).toList());
        sigs.add(vote(outsider));
        assertRefused(verify(cert(sigs)), CertificateCode.SIGNER_NOT_VALIDATOR, "certificate signer " + outsider.publicKey() + " is not a validator");
    }

    @Test
    void aSignatureThatDoesNotVerifyFailsNamingTheValidator() {
        KeyPair k = VALIDATORS.get(1);
        byte[] sig = vote(k).signature().toBytes();
        sig[5] ^= 1;
        CommitCertificate c = cert(List.of(vote(VALIDATORS.get(0)), new ValidatorSignature(k.publicKey(), Signature.of(sig)),
                vote(VALIDATORS.get(2))));
        assertRefused(verify(c), CertificateCode.BAD_SIGNATURE, "certificate signature of " + k.publicKey() + " does not verify");
    }

    @Test
    void signaturesOverAnotherViewOrChainDoNotCount() {
        KeyPair k = VALIDATORS.get(2);
        for (ValidatorSignature wrong : List.of(vote(k, CHAIN, VIEW + 1, HEIGHT, BLOCK), vote(k, "other-chain", VIEW, HEIGHT, BLOCK))) {
            CommitCertificate c = cert(List.of(vote(VALIDATORS.get(0)), vote(VALIDATORS.get(1)), wrong));
            assertRefused(verify(c), CertificateCode.BAD_SIGNATURE, "certificate signature of " + k.publicKey() + " does not verify");
        }
    }

    @Test
    void aCertificateForAnotherBlockHashFails() {
        Hash32 other = Sha256.hash(new byte[] {1});
        CommitCertificate c = cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList());
        assertRefused(c.verify(CHAIN, VALIDATOR_KEYS, QUORUM, other, HEIGHT), CertificateCode.BLOCK_MISMATCH,
                "certificate is for block " + BLOCK + ", not " + other);
    }

    @Test
    void aCertificateForAnotherHeightFails() {
        CommitCertificate c = cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList());
        assertRefused(c.verify(CHAIN, VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT + 1), CertificateCode.HEIGHT_MISMATCH, "certificate is for height 42, not 43");
    }

    @Test
    void anInjectedSignatureCheckDecidesEverySignatureAndSeesTheCommitVote() {
        CommitCertificate c = cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList());
        List<byte[]> seen = new ArrayList<>();
        Validation none = c.verify(CHAIN, VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT, (key, msg, sig) -> seen.add(msg) && false);
        assertThat(none.reason()).contains(CertificateCode.BAD_SIGNATURE);
        assertThat(seen).hasSize(1).allSatisfy(m -> assertThat(m).isEqualTo(CommitVote.signingBytes(CHAIN, VIEW, HEIGHT, BLOCK)));
        assertThat(c.verify(CHAIN, VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT, (key, msg, sig) -> true).isOk()).isTrue();
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a certificate that breaks that rule")
    @EnumSource(CertificateCode.class)
    void everyCertificateCodeIsProducedByACertificateThatBreaksThatRule(CertificateCode code) {
        List<ValidatorSignature> all = VALIDATORS.stream().map(CommitCertificateTest::vote).toList();
        Validation v = switch (code) {
            case BLOCK_MISMATCH -> cert(all).verify(CHAIN, VALIDATOR_KEYS, QUORUM, Hash32.ZERO, HEIGHT);
            case HEIGHT_MISMATCH -> cert(all).verify(CHAIN, VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT - 1);
            case BELOW_QUORUM -> verify(cert(all.subList(0, QUORUM - 1)));
            case SIGNER_NOT_VALIDATOR -> cert(all).verify(CHAIN, Set.of(VALIDATORS.get(0).publicKey()), 1, BLOCK, HEIGHT);
            case BAD_SIGNATURE -> cert(all).verify("other-chain", VALIDATOR_KEYS, QUORUM, BLOCK, HEIGHT);
        };
        assertThat(v.reason()).contains(code);
        assertThat(code.area()).isEqualTo("certificate");
    }

    @Test
    void aValidatorListedTwiceIsRejectedByTheConstructor() {
        ValidatorSignature v = vote(VALIDATORS.get(0));
        assertThatThrownBy(() -> cert(List.of(v, vote(VALIDATORS.get(1)), v)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("certificate lists validator " + v.validator() + " twice");
    }

    @Test
    void signaturesAreKeptSortedByValidatorSoTheEncodingDoesNotDependOnArrivalOrder() {
        List<ValidatorSignature> sigs = VALIDATORS.stream().map(CommitCertificateTest::vote).toList();
        List<ValidatorSignature> reversed = new ArrayList<>(sigs);
        java.util.Collections.reverse(reversed);
        assertThat(cert(reversed).encode()).isEqualTo(cert(sigs).encode());
        assertThat(cert(reversed).signatures()).isSortedAccordingTo(Comparator.comparing(ValidatorSignature::validator));
    }

    @Test
    void aDecodedCertificateStillVerifies() {
        CommitCertificate c = cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList());
        CommitCertificate back = CommitCertificate.decode(c.encode());
        assertThat(back).isEqualTo(c);
        assertThat(verify(back).isOk()).isTrue();
    }

    @Test
    void decodingRefusesSignaturesThatAreNotInValidatorOrder() {
        List<ValidatorSignature> sorted = cert(VALIDATORS.stream().map(CommitCertificateTest::vote).toList()).signatures();
        List<ValidatorSignature> swapped = new ArrayList<>(sorted);
        java.util.Collections.swap(swapped, 0, 1);
        CanonicalWriter w = new CanonicalWriter();
        w.uint(VIEW).uint(HEIGHT);
        BLOCK.write(w);
        w.list(swapped, (ww, s) -> s.write(ww));
        assertThatThrownBy(() -> CommitCertificate.decode(w.toByteArray()))
                .isInstanceOf(CodecException.class)
                .hasMessage("commit certificate: certificate signatures are not in canonical order");
    }

    @Test
    void theCommitVoteSigningBytesAreTaggedAndCoverChainViewHeightAndHash() {
        byte[] b = CommitVote.signingBytes(CHAIN, VIEW, HEIGHT, BLOCK);
        assertThat(new String(b, 0, 12, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MC-COMMIT-V1");
        assertThat(b).isNotEqualTo(CommitVote.signingBytes(CHAIN, VIEW + 1, HEIGHT, BLOCK));
        assertThat(b).isNotEqualTo(CommitVote.signingBytes(CHAIN, VIEW, HEIGHT + 1, BLOCK));
        assertThat(b).isNotEqualTo(CommitVote.signingBytes(CHAIN + "x", VIEW, HEIGHT, BLOCK));
        assertThat(b).isNotEqualTo(CommitVote.signingBytes(CHAIN, VIEW, HEIGHT, Hash32.ZERO));
    }

    @Property(tries = 100)
    void aCertificateOfGenuineSignaturesVerifiesExactlyWhenItReachesTheQuorum(@ForAll @IntRange(min = 1, max = 7) int n,
                                                                              @ForAll @IntRange(min = 0, max = 7) int signers) {
        int k = Math.min(signers, n);
        List<KeyPair> set = keys(n);
        Set<PublicKey> keys = set.stream().map(KeyPair::publicKey).collect(Collectors.toSet());
        CommitCertificate c = cert(set.subList(0, k).stream().map(CommitCertificateTest::vote).toList());
        int quorum = ValidatorSet.quorum(n);
        Validation v = c.verify(CHAIN, keys, quorum, BLOCK, HEIGHT);
        assertThat(v.isOk()).isEqualTo(k >= quorum);
        assertThat(v.reason()).isEqualTo(k >= quorum ? java.util.Optional.empty() : java.util.Optional.of(CertificateCode.BELOW_QUORUM));
    }
}
