package io.mutualchain.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** testOnly.clockOffsetMs: absent on real nodes (0), read and written back when a test sets it, bounded. */
class NodeConfigFileClockOffsetTest {
    @TempDir
    Path dir;

    private Path write(String extra) throws IOException {
        Path f = dir.resolve("node.json");
        Files.writeString(f, "{\"name\":\"n\",\"dataDir\":\"data\",\"genesis\":\"g.json\",\"key\":\"k.json\"" + extra + "}");
        return f;
    }

    @Test
    void aConfigWithoutTheTestSectionRunsOnTheSystemClockAndWritesNoTestSection() throws IOException {
        NodeConfig c = NodeConfigFile.read(write(""));
        assertThat(c.clockOffsetMs()).isZero();
        Path again = dir.resolve("copy.json");
        NodeConfigFile.write(again, c);
        assertThat(Files.readString(again)).doesNotContain("testOnly");
    }

    @Test
    void aTestClockOffsetIsReadAndSurvivesARoundTrip() throws IOException {
        long days800 = 800L * 24 * 3600 * 1000;
        NodeConfig c = NodeConfigFile.read(write(",\"testOnly\":{\"clockOffsetMs\":" + days800 + "}"));
        assertThat(c.clockOffsetMs()).isEqualTo(days800);
        Path again = dir.resolve("copy.json");
        NodeConfigFile.write(again, c);
        assertThat(NodeConfigFile.read(again)).isEqualTo(c);
        assertThat(c.withDataDir(dir.resolve("other")).clockOffsetMs()).isEqualTo(days800);
    }

    @Test
    void anOffsetBeyondTenYearsIsRefusedNamingTheKey() throws IOException {
        Path f = write(",\"testOnly\":{\"clockOffsetMs\":" + (NodeConfig.MAX_CLOCK_OFFSET_MS + 1) + "}");
        assertThatThrownBy(() -> NodeConfigFile.read(f)).isInstanceOf(IOException.class).hasMessageContaining("testOnly.clockOffsetMs");
    }
}
