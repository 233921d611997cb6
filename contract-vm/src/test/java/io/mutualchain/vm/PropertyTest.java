package io.mutualchain.vm;

import io.mutualchain.vm.asm.AsmException;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.Disassembler;
import io.mutualchain.vm.asm.IncludeResolver;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz campaign: random bytes and mutated valid modules never make the loader throw anything
 * but {@link VmLoadException}; whatever loads runs without throwing, within its gas limit, and with
 * the same result twice; and disassembled modules assemble back to the same bytes.
 */
class PropertyTest {

    private static byte[] assemble(String source) throws AsmException {
        return Assembler.assemble(source, "gen.masm", IncludeResolver.none());
    }

    @Property(tries = 300)
    void disassemblingAGeneratedProgramAndAssemblingItAgainGivesTheSameBytes(@ForAll long seed) throws Exception {
        byte[] bytes = assemble(ProgramGenerator.program(seed));
        String text = Disassembler.disassemble(bytes);
        assertThat(assemble(text)).isEqualTo(bytes);
        assertThat(Disassembler.disassemble(assemble(text))).isEqualTo(text);
    }

    @Property(tries = 1000)
    void randomBytesAreRefusedWithALoadExceptionAndNothingElse(@ForAll @Size(max = 300) byte[] bytes) {
        loadOrRefuse(bytes);
        byte[] withMagic = new byte[bytes.length + 5];
        System.arraycopy(ModuleImage.MAGIC, 0, withMagic, 0, 4);
        withMagic[4] = 1;
        System.arraycopy(bytes, 0, withMagic, 5, bytes.length);
        Module m = loadOrRefuse(withMagic);
        if (m != null) {
            runTwiceWithinLimit(m, 20_000);
        }
    }

    @Property(tries = 400)
    void mutatedModulesLoadOrAreRefusedAndWhatLoadsRunsDeterministicallyWithinItsGas(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int mutations, @ForAll @IntRange(min = 0, max = 200_000) int gas)
            throws Exception {
        byte[] bytes = assemble(ProgramGenerator.program(seed));
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        byte[] mutated = mutate(bytes, rnd, mutations);
        Module m = loadOrRefuse(mutated);
        if (m != null) {
            runTwiceWithinLimit(m, gas);
        }
    }

    @Property(tries = 200)
    void generatedProgramsRunDeterministicallyWithinAnyGasLimit(@ForAll long seed, @ForAll @IntRange(min = 0, max = 500_000) int gas)
            throws Exception {
        Module m = ModuleLoader.load(assemble(ProgramGenerator.program(seed)));
        runTwiceWithinLimit(m, gas);
    }

    private static byte[] mutate(byte[] bytes, Random rnd, int mutations) {
        List<Byte> b = new ArrayList<>();
        for (byte x : bytes) {
            b.add(x);
        }
        for (int i = 0; i < mutations && !b.isEmpty(); i++) {
            int at = rnd.nextInt(b.size());
            switch (rnd.nextInt(4)) {
                case 0 -> b.set(at, (byte) rnd.nextInt(256));
                case 1 -> b.set(at, (byte) (b.get(at) ^ (1 << rnd.nextInt(8))));
                case 2 -> b.add(at, (byte) rnd.nextInt(256));
                default -> b.remove(at);
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** The loaded module, or null if refused; any other exception fails the property. */
    private static Module loadOrRefuse(byte[] bytes) {
        try {
            return ModuleLoader.load(bytes);
        } catch (VmLoadException e) {
            assertThat(e.kind()).isNotNull();
            return null;
        }
    }

    private static void runTwiceWithinLimit(Module m, long gas) {
        for (FunctionAbi f : m.functions()) {
            if (!f.exported()) {
                continue;
            }
            List<Value> args = new ArrayList<>();
            for (FunctionAbi.Param p : f.params()) {
                args.add(p.type() == ValueType.INT ? Value.of(3) : Value.utf8("arg"));
            }
            ExecutionResult first = Interpreter.call(m, f.name(), args, InstructionConformanceTest.host(), gas);
            ExecutionResult second = Interpreter.call(m, f.name(), args, InstructionConformanceTest.host(), gas);
            assertThat(first.gasUsed()).isBetween(0L, gas);
            assertThat(second).isEqualTo(first);
        }
    }
}
