package io.mutualchain.vm.templates;

import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.Disassembler;
import io.mutualchain.vm.asm.IncludeResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped template assembles from contracts/, loads (verifies), and survives a trip through
 * the disassembler byte for byte, so `contract disasm` output is a faithful source.
 */
class TemplateAssemblyTest {
    static final List<String> TEMPLATES = Templates.ALL;

    @ParameterizedTest
    @FieldSource("TEMPLATES")
    void aTemplateDisassemblesToSourceThatReassemblesToTheSameBytes(String name) throws Exception {
        byte[] bytes = Templates.assemble(name);
        String text = Disassembler.disassemble(bytes);
        byte[] again = Assembler.assemble(text, name + ".dis.masm", IncludeResolver.none());
        assertThat(again).isEqualTo(bytes);
        Module m = ModuleLoader.load(bytes);
        System.out.printf("%-14s %5d bytes  %2d functions  code hash %s%n", name, bytes.length, m.functions().size(), m.codeHash().toHex());
    }

    @ParameterizedTest
    @FieldSource("TEMPLATES")
    void aTemplateExportsAnInitAndKeepsItsHelpersInternal(String name) {
        Module m = Templates.load(name);
        List<String> exported = m.functions().stream().filter(FunctionAbi::exported).map(FunctionAbi::name).toList();
        List<String> internal = m.functions().stream().filter(f -> !f.exported()).map(FunctionAbi::name).toList();
        if (!name.equals("BulletinBoard")) {
            assertThat(exported).contains("init");
        }
        assertThat(internal).contains("sget", "sput", "is_address", "bps_of", "min", "send_or_revert");
        assertThat(exported).doesNotContainAnyElementsOf(internal);
    }
}
