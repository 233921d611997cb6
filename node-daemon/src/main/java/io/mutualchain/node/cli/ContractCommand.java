package io.mutualchain.node.cli;

import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.VmLoadException;
import io.mutualchain.vm.asm.AsmException;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.Disassembler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contract assemble}, {@code contract disasm} and {@code contract abi}: the offline tools for
 * contract authors. They work on files only and need no node. {@code deploy}, {@code call} and
 * {@code read} talk to a node (see {@link ContractDeploy} and {@link ContractCall}).
 */
@Command(name = "contract", description = "Assemble, disassemble and inspect contract modules; deploy, call and read contracts on a node.",
        subcommands = {ContractCommand.Assemble.class, ContractCommand.Disasm.class, ContractCommand.Abi.class,
                ContractDeploy.class, ContractCall.class, ContractCall.Read.class})
public final class ContractCommand {

    static Module load(byte[] bytes, Path from) {
        try {
            return ModuleLoader.load(bytes);
        } catch (VmLoadException e) {
            throw new UserError(from + " is not a valid contract module: " + e.getMessage());
        }
    }

    @Command(name = "assemble", description = "Assemble SRC into a module file. Includes resolve relative to SRC's folder; "
            + "errors print as file:line:column: reason, with exit code 1.")
    static final class Assemble implements Callable<Integer> {
        @Parameters(paramLabel = "SRC", description = "Assembler source (.masm).")
        Path source;
        @Option(names = "--out", paramLabel = "BIN", required = true, description = "Where to write the module bytes.")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            String text = ContractFiles.readSource(source);
            byte[] bytes;
            try {
                bytes = Assembler.assemble(text, source.toString(), ContractFiles.includesNextTo(source));
            } catch (AsmException e) {
                // The compiler convention editors jump to, rather than "error: ...".
                System.err.println(e.getMessage());
                System.err.flush();
                return 1;
            }
            ContractFiles.write(out, bytes);
            Module m = load(bytes, out);
            new Printer(System.out, json.enabled()).print(ContractAbi.json(m, out),
                    "assembled " + source + " -> " + out + ": " + bytes.length + " bytes, code hash " + m.codeHash()
                            + "\nexported functions:\n" + ContractAbi.text(m));
            return 0;
        }
    }

    @Command(name = "disasm", description = "Disassemble a module file into source that assembles back to the same bytes.")
    static final class Disasm implements Callable<Integer> {
        @Parameters(paramLabel = "BIN", description = "Module file.")
        Path module;
        @Option(names = "--out", paramLabel = "SRC", required = true, description = "Where to write the source.")
        Path out;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            byte[] bytes = ContractFiles.readModule(module);
            Module m = load(bytes, module);
            String text;
            try {
                text = Disassembler.disassemble(bytes);
            } catch (VmLoadException e) {
                throw new UserError(module + " is not a valid contract module: " + e.getMessage());
            }
            ContractFiles.write(out, text.getBytes(StandardCharsets.UTF_8));
            new Printer(System.out, json.enabled()).print(ContractAbi.json(m, out),
                    "disassembled " + module + " -> " + out + " (code hash " + m.codeHash() + ")");
            return 0;
        }
    }

    @Command(name = "abi", description = "Show a module's exported functions with their parameters and results.")
    static final class Abi implements Callable<Integer> {
        @Parameters(paramLabel = "BIN", description = "Module file.")
        Path module;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            Module m = load(ContractFiles.readModule(module), module);
            new Printer(System.out, json.enabled()).print(ContractAbi.json(m, null),
                    module + ": " + m.toBytes().length + " bytes, code hash " + m.codeHash() + "\n" + ContractAbi.text(m));
            return 0;
        }
    }
}
