package io.mutualchain.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rpc.adminTokenFile in the JSON config: absent means admin off, a relative path is the config folder's. */
class NodeConfigFileAdminTest {
    @TempDir
    Path dir;

    private Path write(String rpc) throws IOException {
        Path f = dir.resolve("node.json");
        Files.writeString(f, "{\"name\":\"n\",\"dataDir\":\"data\",\"genesis\":\"g.json\",\"key\":\"k.json\",\"rpc\":" + rpc + "}");
        return f;
    }

    @Test
    void aConfigWithoutAnAdminTokenFileLeavesAdminOff() throws IOException {
        NodeConfig c = NodeConfigFile.read(write("{\"port\":8545}"));
        assertThat(c.adminEnabled()).isFalse();
        assertThat(c.adminTokenFile()).isNull();
    }

    @Test
    void aRelativeAdminTokenFileIsResolvedAgainstTheConfigFolderAndSurvivesARoundTrip() throws IOException {
        NodeConfig c = NodeConfigFile.read(write("{\"port\":8545,\"adminTokenFile\":\"secrets/admin.token\"}"));
        assertThat(c.adminTokenFile()).isEqualTo(dir.resolve("secrets/admin.token").toAbsolutePath().normalize());
        Path again = dir.resolve("copy.json");
        NodeConfigFile.write(again, c);
        assertThat(Files.readString(again)).contains("\"adminTokenFile\" : \"secrets/admin.token\"");
        assertThat(NodeConfigFile.read(again)).isEqualTo(c);
        assertThat(c.withDataDir(dir.resolve("other")).adminTokenFile()).isEqualTo(c.adminTokenFile());
    }

    @Test
    void anAdminTokenFileThatIsNotAPathIsRefused() throws IOException {
        Path f = write("{\"adminTokenFile\":42}");
        assertThatThrownBy(() -> NodeConfigFile.read(f)).isInstanceOf(IOException.class).hasMessageContaining("rpc.adminTokenFile");
    }
}
