package io.mutualchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.testkit.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SHA-256 against the FIPS 180-2 known answers (plus the empty string). */
class Sha256Fips180Test {
    private static final String FILE = "/vectors/hash/sha256_fips180_examples.json";

    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode t : Vectors.json(FILE).get("tests")) {
            byte[] msg;
            if (t.hasNonNull("repeat")) {
                msg = new byte[t.get("repeat").get("count").asInt()];
                Arrays.fill(msg, Hex.decode(t.get("repeat").get("byte").asText())[0]);
            } else {
                msg = Hex.decode(t.get("msgHex").asText());
            }
            out.add(arguments(t.get("msg_ascii").asText(), msg, t.get("sha256").asText()));
        }
        return out.stream();
    }

    @Test
    void theFileHoldsFourExamples() {
        assertThat(examples()).hasSize(4);
    }

    @ParameterizedTest(name = "SHA-256(\"{0}\")")
    @MethodSource("examples")
    void theDigestIsTheFipsKnownAnswer(String name, byte[] message, String expectedHex) {
        assertThat(Sha256.hash(message).toHex()).isEqualTo(expectedHex);
        assertThat(Hex.encode(Sha256.digest(message))).isEqualTo(expectedHex);
    }

    @ParameterizedTest(name = "SHA-256(\"{0}\") in parts")
    @MethodSource("examples")
    void hashingAMessageInPartsGivesTheSameDigestAsInOnePiece(String name, byte[] message, String expectedHex) {
        int cut = message.length / 3;
        assertThat(Sha256.hash(Arrays.copyOf(message, cut), new byte[0], Arrays.copyOfRange(message, cut, message.length)).toHex())
                .isEqualTo(expectedHex);
    }

    @Test
    void aDigestDoesNotCarryStateIntoTheNextOne() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        Sha256.digest("something else".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.hash(abc).toHex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
