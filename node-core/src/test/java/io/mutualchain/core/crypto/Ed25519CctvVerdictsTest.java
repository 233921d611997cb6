package io.mutualchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.testkit.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 914 CCTV edge cases (low-order points, non-canonical encodings). RFC 8032 leaves most of them
 * open and verifiers disagree, but every validator must give the same verdict, so each one is pinned
 * to what BouncyCastle 1.87 answered when measured (the middle column of
 * cctv_bc187_jdk17_verdicts.txt: "number bc187_accepts jdk17_sunec_accepts", 1 = accept). A library
 * upgrade that changes a single verdict fails this test and must be a deliberate, coordinated change.
 */
class Ed25519CctvVerdictsTest {
    private static final String VECTORS = "/vectors/ed25519/cctv_ed25519vectors.json";
    private static final String VERDICTS = "/vectors/ed25519/cctv_bc187_jdk17_verdicts.txt";
    private static final int VECTOR_COUNT = 914;
    private static final int BC187_ACCEPTED = 212;

    record Vector(int number, byte[] key, byte[] sig, byte[] msg, List<String> flags) {
    }

    static List<Vector> vectors() {
        List<Vector> out = new ArrayList<>();
        for (JsonNode v : Vectors.json(VECTORS)) {
            List<String> flags = new ArrayList<>();
            v.path("flags").forEach(f -> flags.add(f.asText()));
            out.add(new Vector(v.get("number").asInt(), Hex.decode(v.get("key").asText()), Hex.decode(v.get("sig").asText()),
                    v.get("msg").asText().getBytes(StandardCharsets.UTF_8), flags));
        }
        return out;
    }

    /** Vector number to BouncyCastle 1.87's verdict. */
    static Map<Integer, Boolean> bc187Verdicts() {
        Map<Integer, Boolean> out = new TreeMap<>();
        for (String line : Vectors.text(VERDICTS).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length != 3 || !f[1].matches("[01]") || !f[2].matches("[01]")) {
                throw new IllegalStateException("verdict line is not 'number bc jdk' with 0/1 verdicts: " + line);
            }
            if (out.put(Integer.parseInt(f[0]), f[1].equals("1")) != null) {
                throw new IllegalStateException("vector " + f[0] + " has two verdict lines");
            }
        }
        return out;
    }

    static boolean accepts(Vector v) {
        return Ed25519.verify(PublicKey.of(v.key()), v.msg(), Signature.of(v.sig()));
    }

    @TestFactory
    Stream<DynamicTest> everyCctvVectorGetsBouncyCastle187sVerdict() {
        Map<Integer, Boolean> pinned = bc187Verdicts();
        return vectors().stream().map(v -> {
            boolean expected = pinned.get(v.number());
            return DynamicTest.dynamicTest("vector " + v.number() + " " + v.flags() + " is " + (expected ? "accepted" : "refused"),
                    () -> assertThat(accepts(v)).isEqualTo(expected));
        });
    }

    @Test
    void thereIsExactlyOneVerdictForEachOfThe914Vectors() {
        List<Vector> all = vectors();
        assertThat(all).hasSize(VECTOR_COUNT);
        assertThat(all.stream().map(Vector::number).toList()).isEqualTo(List.copyOf(bc187Verdicts().keySet()));
        assertThat(all).allSatisfy(v -> {
            assertThat(v.key()).hasSize(PublicKey.SIZE);
            assertThat(v.sig()).hasSize(Signature.SIZE);
        });
    }

    @Test
    void bouncyCastleAccepts212AndRefuses702OfTheCctvVectors() {
        long accepted = vectors().stream().filter(Ed25519CctvVerdictsTest::accepts).count();
        assertThat(bc187Verdicts().values().stream().filter(b -> b).count()).isEqualTo(BC187_ACCEPTED);
        assertThat(accepted).isEqualTo(BC187_ACCEPTED);
        assertThat(VECTOR_COUNT - accepted).isEqualTo(702);
    }
}
