package io.mutualchain.vm.asm;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Instruction;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleImage;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.Opcode;
import io.mutualchain.vm.ValueType;
import io.mutualchain.vm.VmLoadException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns module bytes back into assembler source that assembles to exactly the same bytes: the
 * constant pool is written out as {@code .const c0 ...} in pool order, every jump target gets a
 * label {@code L<offset>}, parameters keep their names and extra locals are named {@code l<index>}.
 * Only modules that load (verify) are disassembled, so every jump lands on an instruction.
 */
public final class Disassembler {
    private Disassembler() {
    }

    public static String disassemble(byte[] moduleBytes) throws VmLoadException {
        Module module = ModuleLoader.load(moduleBytes);
        ModuleImage image = module.image();
        StringBuilder out = new StringBuilder();
        out.append("; MutualChain VM module, format version ").append(ModuleImage.VERSION)
                .append(", code hash ").append(module.codeHash().toHex()).append('\n');
        List<byte[]> constants = image.constants();
        for (int i = 0; i < constants.size(); i++) {
            out.append(".const c").append(i).append(' ').append(bytesLiteral(constants.get(i))).append('\n');
        }
        byte[] code = image.code();
        for (int fi = 0; fi < image.functions().size(); fi++) {
            function(out, image, fi, code);
        }
        return out.toString();
    }

    private static void function(StringBuilder out, ModuleImage image, int fi, byte[] code) throws VmLoadException {
        FunctionAbi f = image.functions().get(fi);
        int end = image.functionEnd(fi);
        out.append('\n').append(".func ").append(f.name()).append('(')
                .append(f.params().stream().map(p -> p.name() + ": " + p.type().keyword()).collect(Collectors.joining(", ")))
                .append(')');
        if (!f.results().isEmpty()) {
            out.append(" -> ").append(types(f.results()));
        }
        if (f.exported()) {
            out.append(" export");
        }
        out.append('\n');
        List<String> localNames = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (FunctionAbi.Param p : f.params()) {
            localNames.add(p.name());
            taken.add(p.name());
        }
        for (int k = 0; k < f.locals().size(); k++) {
            String name = "l" + (f.params().size() + k);
            while (!taken.add(name)) {
                name = "_" + name;
            }
            localNames.add(name);
            out.append("    .local ").append(name).append(": ").append(f.locals().get(k).keyword()).append('\n');
        }
        List<Instruction> ins = new ArrayList<>();
        Set<Integer> targets = new TreeSet<>();
        for (int p = f.entry(); p < end; ) {
            Instruction in = Instruction.decode(code, p, end);
            ins.add(in);
            if (in.op().imm() == Opcode.Imm.TARGET) {
                targets.add((int) in.operand());
            }
            p += in.length();
        }
        for (Instruction in : ins) {
            if (targets.contains(in.offset())) {
                out.append("L").append(in.offset()).append(":\n");
            }
            out.append("    ").append(in.op().mnemonic());
            switch (in.op().imm()) {
                case NONE -> {
                }
                case I64, COUNT -> out.append(' ').append(in.operand());
                case CONST -> out.append(" c").append(in.operand());
                case LOCAL -> out.append(' ').append(localNames.get((int) in.operand()));
                case TARGET -> out.append(" L").append(in.operand());
                case FUNCTION -> out.append(' ').append(image.functions().get((int) in.operand()).name());
                case SIGNATURE -> out.append(' ').append(types(in.argTypes())).append(" -> ").append(types(in.resultTypes()));
                default -> throw new IllegalStateException("unhandled immediate shape " + in.op().imm());
            }
            out.append('\n');
        }
        out.append(".end\n");
    }

    private static String types(List<ValueType> types) {
        return types.stream().map(ValueType::keyword).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Printable ASCII as a quoted string (readable), anything else as hex (exact). */
    static String bytesLiteral(byte[] b) {
        boolean printable = true;
        for (byte x : b) {
            printable &= x >= 0x20 && x < 0x7f;
        }
        if (!printable) {
            return "x\"" + Hex.encode(b) + "\"";
        }
        StringBuilder s = new StringBuilder("\"");
        for (byte x : b) {
            if (x == '"' || x == '\\') {
                s.append('\\');
            }
            s.append((char) x);
        }
        return s.append('"').toString();
    }
}
