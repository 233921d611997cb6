package io.mutualchain.vm.templates;

import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.VmLoadException;
import io.mutualchain.vm.asm.AsmException;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The shipped contract templates, read straight from the repository's {@code contracts/} folder
 * (the tests run with the module directory as working directory), so a test always exercises the
 * sources that ship, never a copy.
 */
final class Templates {
    static final Path DIR = Path.of("..", "contracts");
    static final List<String> ALL = List.of("MutualAidPool", "P2PLoan", "MultiSig", "BulletinBoard");

    private Templates() {
    }

    static Path source(String name) {
        return DIR.resolve(name + ".masm");
    }

    /** Includes resolve relative to the contracts folder, as {@code mutualchain contract assemble} resolves them. */
    static IncludeResolver includes() {
        return path -> {
            Path p = DIR.resolve(path).normalize();
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static byte[] assemble(String name) {
        try {
            return Assembler.assemble(Files.readString(source(name)), name + ".masm", includes());
        } catch (AsmException e) {
            throw new AssertionError("template does not assemble: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Module load(String name) {
        try {
            return ModuleLoader.load(assemble(name));
        } catch (VmLoadException e) {
            throw new AssertionError("template does not load: " + e.getMessage(), e);
        }
    }
}
