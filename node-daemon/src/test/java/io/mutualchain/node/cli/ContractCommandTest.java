package io.mutualchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.node.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mutualchain contract assemble|disasm|abi}, run in-process through {@link Main#run}. */
class ContractCommandTest {
    /** The shipped templates, relative to the module directory the tests run in. */
    static final Path TEMPLATES = Path.of("..", "contracts");

    @TempDir
    Path tmp;

    @Test
    void assemblingATemplateWritesTheModuleAndPrintsItsAbiAsJson() throws IOException {
        Path bin = tmp.resolve("multisig.bin");
        InProcessCli.Run r = InProcessCli.run("contract", "assemble", TEMPLATES.resolve("MultiSig.masm").toString(), "--out", bin.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(bin);
        JsonNode j = r.json();
        assertThat(j.get("out").asText()).isEqualTo(bin.toString());
        assertThat(j.get("bytes").asInt()).isEqualTo(bytes.length);
        assertThat(j.get("codeHash").asText()).isEqualTo(Sha256.hash(bytes).toString()).startsWith("0x");
        List<String> names = new ArrayList<>();
        j.get("functions").forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).contains("init", "propose", "approve", "execute").doesNotContain("sget", "only_owner");
        JsonNode propose = find(j, "propose");
        assertThat(propose.get("params").toString()).isEqualTo("[{\"name\":\"to\",\"type\":\"bytes\"},{\"name\":\"amount\",\"type\":\"int\"}]");
        assertThat(propose.get("results").toString()).isEqualTo("[\"int\"]");
    }

    @Test
    void everyTemplateAssemblesFromTheCommandLine() {
        for (String t : List.of("MutualAidPool", "P2PLoan", "MultiSig", "BulletinBoard")) {
            InProcessCli.Run r = InProcessCli.run("contract", "assemble", TEMPLATES.resolve(t + ".masm").toString(), "--out", tmp.resolve(t + ".bin").toString());
            assertThat(r.exitCode()).as(t + ": " + r.err()).isZero();
            assertThat(r.out()).contains("code hash 0x");
        }
    }

    @Test
    void anAssemblyErrorIsPrintedAsFileLineColumnAndExitsWith1() throws IOException {
        Path src = tmp.resolve("bad.masm");
        Files.writeString(src, ".func f() export\n    pusj 1\n.end\n");
        Path bin = tmp.resolve("bad.bin");
        InProcessCli.Run r = InProcessCli.run("contract", "assemble", src.toString(), "--out", bin.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo(src + ":2:5: unknown instruction or macro 'pusj'");
        assertThat(r.out()).isEmpty();
        assertThat(bin).doesNotExist();
    }

    @Test
    void includesResolveRelativeToTheSourcesFolderNotTheWorkingDirectory() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("src/lib"));
        Files.writeString(dir.resolve("one.masm"), ".const ONE 1\n");
        Path src = tmp.resolve("src/main.masm");
        Files.writeString(src, ".include \"lib/one.masm\"\n.func f() -> int export\n    push ONE\n    ret\n.end\n");
        InProcessCli.Run ok = InProcessCli.run("contract", "assemble", src.toString(), "--out", tmp.resolve("main.bin").toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();

        Files.writeString(src, ".include \"lib/two.masm\"\n.func f() export\n    ret\n.end\n");
        InProcessCli.Run missing = InProcessCli.run("contract", "assemble", src.toString(), "--out", tmp.resolve("main.bin").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo(src + ":1:10: cannot include 'lib/two.masm': not found");
    }

    @Test
    void disassembledOutputAssemblesBackToTheSameModule() throws IOException {
        Path bin = tmp.resolve("loan.bin");
        assertThat(InProcessCli.run("contract", "assemble", TEMPLATES.resolve("P2PLoan.masm").toString(), "--out", bin.toString()).exitCode()).isZero();
        Path text = tmp.resolve("loan.dis.masm");
        InProcessCli.Run d = InProcessCli.run("contract", "disasm", bin.toString(), "--out", text.toString(), "--json");
        assertThat(d.exitCode()).as(d.err()).isZero();
        assertThat(d.json().get("out").asText()).isEqualTo(text.toString());
        Path again = tmp.resolve("loan2.bin");
        assertThat(InProcessCli.run("contract", "assemble", text.toString(), "--out", again.toString()).exitCode()).isZero();
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(bin));
    }

    @Test
    void abiListsTheExportedFunctionsWithParamsAndResults() throws IOException {
        Path bin = tmp.resolve("pool.bin");
        assertThat(InProcessCli.run("contract", "assemble", TEMPLATES.resolve("MutualAidPool.masm").toString(), "--out", bin.toString()).exitCode()).isZero();
        InProcessCli.Run text = InProcessCli.run("contract", "abi", bin.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("  claim(amount: int, evidence: bytes) -> int",
                "  member(who: bytes) -> (int, int, int, int, int)", "  settle()");
        InProcessCli.Run json = InProcessCli.run("contract", "abi", bin.toString(), "--json");
        assertThat(json.json().has("out")).isFalse();
        assertThat(find(json.json(), "init").get("params")).hasSize(13);
    }

    @Test
    void aFileThatIsNotAModuleIsRefusedWithAReason() throws IOException {
        Path junk = tmp.resolve("junk.bin");
        Files.write(junk, new byte[] {1, 2, 3});
        InProcessCli.Run r = InProcessCli.run("contract", "abi", junk.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: " + junk + " is not a valid contract module: ");
        InProcessCli.Run missing = InProcessCli.run("contract", "disasm", tmp.resolve("none.bin").toString(), "--out", tmp.resolve("x.masm").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: cannot read ");
    }

    private static JsonNode find(JsonNode result, String name) {
        for (JsonNode f : result.get("functions")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no function " + name + " in " + result);
    }
}
