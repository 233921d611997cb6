package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.ledger.store.HeadMarker;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four real validators; one loses its store, and with it the records of what it signed. Started
 * plainly it refuses (the store is below its head marker). Started with {@code --resync-from-peers}
 * it rebuilds from peers but signs nothing (its key is in no commit certificate) until it has applied
 * the first checkpoint above every height it may have signed; after that it votes again, which the
 * test proves by stopping another validator so that no quorum exists without it.
 */
class LostVoteRecordsIT {
    private static final Duration STEP = Duration.ofSeconds(90);
    /**
     * K (L = 2K): large enough that the silent range outlasts the victim's time down (about a dozen
     * one-second empty blocks: stop, a refused start, a restart), small enough to pass it within a minute.
     */
    private static final int K = 20;
    private static final List<Integer> ALL = List.of(0, 1, 2, 3);

    @TempDir
    Path tmp;

    @Test
    void aValidatorThatLostItsVoteRecordsSignsNothingUntilPastWhatItMayHaveSignedAndThenVotesAgain() throws Exception {
        try (Cluster c = Cluster.create(tmp.resolve("net"), 4, 0, "--checkpoint-interval", Integer.toString(K))) {
            c.startAll();
            c.awaitHeight(ALL, K + 3, STEP);
            int primary = (int) (c.status(0).path("view").asLong() % 4);
            int victim = (primary + 1) % 4;
            int other = (primary + 2) % 4;
            NodeConfig config = NodeConfigFile.read(c.members().get(victim).config());
            String victimKey = Hex.encode(KeyFile.read(config.keyFile()).publicKey().toBytes()).toLowerCase(Locale.ROOT);
            assertThat(signedBy(c, primary, 1, c.height(primary), victimKey)).as("control: the victim's key signs certificates while it votes")
                    .isNotEmpty();

            c.stop(victim);
            Path marker = config.dataDir().resolve("ledger.head");
            HeadMarker before = HeadMarker.read(marker).orElseThrow();
            assertThat(before.signableThrough()).as("the marker covers the window above the stable checkpoint").isGreaterThan(before.height());
            deleteTree(config.dataDir().resolve("ledger"));

            c.start(victim);
            assertThat(c.awaitExit(victim, STEP)).as("a plain start on the lost store").isEqualTo(3);
            assertThat(Files.readString(c.members().get(victim).log())).contains("FATAL").contains("BELOW_MARKER");

            long restartHeight = c.height(primary);
            c.start(victim, "--resync-from-peers");
            c.await("the rebuild's marker", STEP, () -> silentThrough(marker) > 0);
            long silent = silentThrough(marker);
            assertThat(silent).isGreaterThanOrEqualTo(before.signableThrough());
            long resumeAt = (silent / K + 1) * K;
            assertThat(resumeAt).as("the chain is still inside the silent range when the victim is back, so silence is tested")
                    .isGreaterThan(restartHeight + K / 2);
            c.await("the victim warns that it does not vote", STEP, () -> logContains(c, victim, "does not vote"));
            c.awaitHeight(List.of(primary, other, victim), resumeAt + 2, STEP);

            for (int judge : List.of(primary, other)) {
                assertThat(signedBy(c, judge, restartHeight + 1, resumeAt, victimKey))
                        .as("heights the victim signed after its rebuild, up to " + resumeAt + " (silent through " + silent + "), on node " + judge)
                        .isEmpty();
            }

            System.out.printf("victim %d: had committed %d, may have signed through %d; rebuilt at chain height %d, silent through %d,"
                    + " votes from %d%n", victim, before.height(), before.signableThrough(), restartHeight, silent, resumeAt);
            c.stop(other);
            long from = c.height(primary) + 1;
            c.awaitHeight(List.of(primary), from + 2, STEP);
            assertThat(signedBy(c, primary, from, from + 2, victimKey)).as("with one validator down, every certificate needs the victim")
                    .hasSize(3);
        }
    }

    /** Heights in [from, to] whose certificate on node {@code i} carries {@code key}'s signature. */
    private static List<Long> signedBy(Cluster c, int i, long from, long to, String key) throws Exception {
        List<Long> out = new ArrayList<>();
        for (long h = from; h <= to; h++) {
            JsonNode b = c.rpc(i).call("mc_getBlockByNumber", h);
            for (JsonNode s : b.path("certificate").path("signatures")) {
                if (s.path("validator").asText().toLowerCase(Locale.ROOT).replace("0x", "").equals(key)) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    private static long silentThrough(Path marker) {
        try {
            return HeadMarker.read(marker).map(HeadMarker::silentThrough).orElse(0L);
        } catch (IOException | HeadMarker.MarkerFormatException e) {
            return 0; // being replaced right now
        }
    }

    private static boolean logContains(Cluster c, int i, String text) {
        try {
            return Files.readString(c.members().get(i).log()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
