package io.mutualchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.testkit.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * All 151 Wycheproof EdDSA verify tests. The file marks each test "valid" or "invalid" (Wycheproof's
 * third mark, "acceptable", does not occur here; if a future copy has one, the test fails and asks
 * for a verdict to be pinned). Our {@link Signature} is exactly 64 bytes, so a signature of another
 * length is refused at {@link Signature#of} and never reaches the verifier: that is the decision
 * this suite asserts.
 */
class Ed25519WycheproofTest {
    private static final String FILE = "/vectors/ed25519/ed25519_test.json";

    record Case(int tcId, String comment, List<String> flags, byte[] publicKey, byte[] message, byte[] signature, String result) {
        String label() {
            return "tcId " + tcId + " " + flags + (comment.isEmpty() ? "" : " '" + comment + "'") + " is " + result;
        }
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (JsonNode group : Vectors.json(FILE).get("testGroups")) {
            byte[] pk = Hex.decode(group.get("publicKey").get("pk").asText());
            for (JsonNode t : group.get("tests")) {
                List<String> flags = new ArrayList<>();
                t.get("flags").forEach(f -> flags.add(f.asText()));
                out.add(new Case(t.get("tcId").asInt(), t.get("comment").asText(), flags, pk, Hex.decode(t.get("msg").asText()),
                        Hex.decode(t.get("sig").asText()), t.get("result").asText()));
            }
        }
        return out;
    }

    /** Our verdict: true when the signature is accepted, false when refused at Signature.of or by verify. */
    static boolean accepts(Case c) {
        Signature sig;
        try {
            sig = Signature.of(c.signature());
        } catch (IllegalArgumentException refusedAtTheBoundary) {
            return false;
        }
        return Ed25519.verify(PublicKey.of(c.publicKey()), c.message(), sig);
    }

    @TestFactory
    Stream<DynamicTest> everyWycheproofTestGetsItsExpectedVerdict() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            switch (c.result()) {
                case "valid" -> {
                    assertThat(c.signature()).hasSize(Signature.SIZE);
                    assertThat(accepts(c)).as("a valid signature must verify").isTrue();
                }
                case "invalid" -> {
                    if (c.signature().length != Signature.SIZE) {
                        assertThatThrownBy(() -> Signature.of(c.signature()))
                                .isInstanceOf(IllegalArgumentException.class)
                                .hasMessageContaining("signature must be 64 bytes, was " + c.signature().length);
                    } else {
                        assertThat(Ed25519.verify(PublicKey.of(c.publicKey()), c.message(), Signature.of(c.signature())))
                                .as("an invalid signature must be refused").isFalse();
                    }
                }
                default -> fail("result '" + c.result() + "' has no pinned verdict; decide one and pin it here");
            }
        }));
    }

    @Test
    void theFileHas151TestsOfWhich88AreAcceptedAnd63Refused() {
        List<Case> all = cases();
        long valid = all.stream().filter(c -> c.result().equals("valid")).count();
        long invalid = all.stream().filter(c -> c.result().equals("invalid")).count();
        long accepted = all.stream().filter(Ed25519WycheproofTest::accepts).count();
        long refusedAtBoundary = all.stream().filter(c -> c.signature().length != Signature.SIZE).count();
        assertThat(Vectors.json(FILE).get("numberOfTests").asInt()).isEqualTo(151);
        assertThat(all).hasSize(151);
        assertThat(all.stream().mapToInt(Case::tcId).sorted().toArray()).isEqualTo(java.util.stream.IntStream.rangeClosed(1, 151).toArray());
        assertThat(valid).isEqualTo(88);
        assertThat(invalid).isEqualTo(63);
        assertThat(accepted).isEqualTo(88);
        // 12 invalid tests have a signature that is not 64 bytes; the other 51 are refused by verify.
        assertThat(refusedAtBoundary).isEqualTo(12);
    }

    @Test
    void tcId37AValidSignatureWithAnAppendedZeroByteIsRefusedThoughItsFirst64BytesVerify() {
        Case c = cases().stream().filter(x -> x.tcId() == 37).findFirst().orElseThrow();
        assertThat(c.result()).isEqualTo("invalid");
        assertThat(c.signature()).hasSize(65);
        assertThat(c.signature()[64]).isZero();
        // The malleable form the JDK 17 verifier accepts: the prefix is a genuine signature.
        byte[] prefix = Arrays.copyOf(c.signature(), Signature.SIZE);
        assertThat(Ed25519.verify(PublicKey.of(c.publicKey()), c.message(), Signature.of(prefix))).isTrue();
        assertThat(accepts(c)).isFalse();
        assertThatThrownBy(() -> Signature.of(c.signature())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 bytes, was 65");
    }
}
