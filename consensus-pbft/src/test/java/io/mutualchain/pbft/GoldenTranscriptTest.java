package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden transcripts of the classic scenarios on a synchronous 4-node cluster: every delivered
 * message with the receiver's verdict, every commit. A change in protocol behaviour shows up as a
 * diff here. Regenerate with -Dgolden.rewrite=true (writes to src/test/resources/golden) and review
 * the diff before committing it.
 */
class GoldenTranscriptTest {
    private static void check(String name, List<String> transcript) throws IOException {
        String actual = String.join("\n", transcript) + "\n";
        if (Boolean.getBoolean("golden.rewrite")) {
            Files.writeString(Path.of("src/test/resources/golden", name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenTranscriptTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name + " (run with -Dgolden.rewrite=true to create it)").isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void normalCaseOfOneBlockOnFourReplicas() throws IOException {
        LocalCluster c = new LocalCluster(4, 2, 4);
        c.propose();
        c.settle();
        check("normal-case-n4.txt", c.transcript);
    }

    @Test
    void silentPrimaryIsReplacedByViewChangeAndTheNewPrimaryCommits() throws IOException {
        LocalCluster c = new LocalCluster(4, 2, 4);
        c.isolated.add(0);
        c.tick(12);
        c.propose();
        c.settle();
        check("view-change-silent-primary-n4.txt", c.transcript);
    }

    @Test
    void checkpointAfterKBlocksBecomesStable() throws IOException {
        LocalCluster c = new LocalCluster(4, 2, 4);
        for (int i = 0; i < 2; i++) {
            c.propose();
            c.settle();
        }
        c.transcript.add("stable checkpoints " + c.engines.stream().map(e -> Long.toString(e.stableCheckpointHeight())).toList());
        check("checkpoint-n4.txt", c.transcript);
    }
}
