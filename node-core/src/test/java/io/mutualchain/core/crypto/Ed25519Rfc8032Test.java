package io.mutualchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.testkit.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 section 7.1: pure Ed25519 is deterministic, so keys and signatures must match byte for byte. */
class Ed25519Rfc8032Test {
    private static final String FILE = "/vectors/ed25519/rfc8032_ed25519_7_1.json";

    static Stream<Arguments> vectors() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : Vectors.json(FILE).get("vectors")) {
            out.add(arguments(v.get("name").asText(), Hex.decode(v.get("secret_key").asText()),
                    Hex.decode(v.get("public_key").asText()), Hex.decode(v.get("message").asText()),
                    Hex.decode(v.get("signature").asText())));
        }
        return out.stream();
    }

    @Test
    void theFileHoldsTheFiveVectorsOfSection7_1() {
        assertThat(vectors()).hasSize(5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void thePublicKeyDerivedFromTheSeedIsTheOneInTheRfc(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        assertThat(Ed25519.publicKeyOf(seed).toBytes()).isEqualTo(publicKey);
        assertThat(KeyPair.fromSeed(seed).publicKey().toBytes()).isEqualTo(publicKey);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signingGivesExactlyTheSignatureInTheRfc(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        assertThat(KeyPair.fromSeed(seed).sign(message).toBytes()).isEqualTo(signature);
        assertThat(Ed25519.sign(seed, PublicKey.of(publicKey), message).toBytes()).isEqualTo(signature);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theRfcSignatureVerifies(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        assertThat(Ed25519.verify(PublicKey.of(publicKey), message, Signature.of(signature))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aSignatureWithAnyOneOfSeveralBitsFlippedIsRefused(String name, byte[] seed, byte[] publicKey, byte[] message, byte[] signature) {
        PublicKey key = PublicKey.of(publicKey);
        // First and last bit of R, first and last bit of S: both halves and both ends of each.
        for (int bit : new int[] {0, 255, 256, 511}) {
            byte[] bad = signature.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(Ed25519.verify(key, message, Signature.of(bad))).as("bit %d flipped", bit).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theRfcSignatureIsRefusedForAChangedMessageOrAnotherKey(String name, byte[] seed, byte[] publicKey, byte[] message,
                                                                 byte[] signature) {
        byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
        assertThat(Ed25519.verify(PublicKey.of(publicKey), longer, Signature.of(signature))).isFalse();
        if (message.length > 0) {
            byte[] flipped = message.clone();
            flipped[0] ^= 1;
            assertThat(Ed25519.verify(PublicKey.of(publicKey), flipped, Signature.of(signature))).isFalse();
        }
        byte[] otherSeed = seed.clone();
        otherSeed[0] ^= 1;
        assertThat(Ed25519.verify(Ed25519.publicKeyOf(otherSeed), message, Signature.of(signature))).isFalse();
    }
}
