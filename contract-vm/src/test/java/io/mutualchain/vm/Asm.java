package io.mutualchain.vm;

import io.mutualchain.vm.asm.AsmException;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;

import java.util.List;

/** Test helpers: assemble and load source, run a function. */
final class Asm {
    private Asm() {
    }

    static Module load(String source) {
        try {
            return ModuleLoader.load(Assembler.assemble(source, "test.masm", IncludeResolver.none()));
        } catch (AsmException | VmLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Wraps {@code body} in an exported function {@code f() -> (results)} with the given locals. */
    static Module body(String results, String body) {
        return load(".func f() -> (" + results + ") export\n" + body + "\n.end\n");
    }

    static ExecutionResult run(Module m, Host host, long gas, Value... args) {
        return Interpreter.call(m, "f", List.of(args), host, gas);
    }
}
