package io.mutualchain.node.cli;

import io.mutualchain.vm.asm.IncludeResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** File access for {@code contract}: bounded reads, includes resolved next to the source, plain writes. */
final class ContractFiles {
    /** A source or include file; far above any real contract, low enough to refuse a wrong file quickly. */
    static final long SOURCE_BYTES_MAX = 4L * 1024 * 1024;
    /** A module file: the format's own ceiling is 4,096 constants of 16 KiB plus 64 KiB of code and the table. */
    static final long MODULE_BYTES_MAX = 72L * 1024 * 1024;

    private ContractFiles() {
    }

    static String readSource(Path file) {
        return new String(read(file, SOURCE_BYTES_MAX), StandardCharsets.UTF_8);
    }

    static byte[] readModule(Path file) {
        return read(file, MODULE_BYTES_MAX);
    }

    /**
     * Includes are paths relative to the folder of the file being assembled, the way authors lay
     * out contracts/ (templates next to a lib/ folder); a missing file is the assembler's
     * "cannot include" error at the include line.
     */
    static IncludeResolver includesNextTo(Path source) {
        Path dir = source.toAbsolutePath().getParent();
        return path -> {
            Path p = dir.resolve(path).normalize();
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            return Optional.of(readSource(p));
        };
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static byte[] read(Path file, long max) {
        try {
            long size = Files.size(file);
            if (size > max) {
                throw new UserError(file + " is " + size + " bytes, more than the " + max + " this command reads");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
