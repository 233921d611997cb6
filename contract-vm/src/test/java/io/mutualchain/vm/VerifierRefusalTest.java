package io.mutualchain.vm;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.vm.VmLoadException.Kind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of load-time refusal, from hand-built bytes so that the assembler cannot hide it. */
class VerifierRefusalTest {

    private static FunctionAbi fn(String name, int entry, List<ValueType> results, List<ValueType> locals) {
        return new FunctionAbi(name, true, List.of(), results, locals, entry);
    }

    private static byte[] module(byte[] code, List<byte[]> constants, FunctionAbi... functions) {
        return new ModuleImage(constants, List.of(functions), code).encode();
    }

    private static byte[] module(int... code) {
        byte[] b = new byte[code.length];
        for (int i = 0; i < code.length; i++) {
            b[i] = (byte) code[i];
        }
        return module(b, List.of(), fn("f", 0, List.of(), List.of()));
    }

    private static VmLoadException refused(byte[] bytes) {
        VmLoadException e = catchThrowableOfType(() -> ModuleLoader.load(bytes), VmLoadException.class);
        assertThat(e).as("module should be refused").isNotNull();
        return e;
    }

    private static final int PUSH = Opcode.PUSH.code();
    private static final int RET = Opcode.RET.code();

    @Test
    void aMinimalModuleLoads() throws VmLoadException {
        Module m = ModuleLoader.load(module(RET));
        assertThat(m.exported("f")).isPresent();
    }

    @Test
    void bytesWithoutTheMagicOrWithTrailingGarbageAreMalformed() {
        assertThat(refused(new byte[] {1, 2, 3}).kind()).isEqualTo(Kind.MALFORMED);
        byte[] ok = module(RET);
        byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 1);
        assertThat(refused(trailing).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused(java.util.Arrays.copyOf(ok, ok.length - 1)).kind()).isEqualTo(Kind.MALFORMED);
        assertThat(refused(null).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void anotherFormatVersionIsUnsupported() {
        byte[] bytes = new CanonicalWriter().fixed(ModuleImage.MAGIC).uint(2).toByteArray();
        assertThat(refused(bytes).kind()).isEqualTo(Kind.UNSUPPORTED_VERSION);
    }

    @Test
    void codeLongerThanTheLimitIsRefusedBeforeItIsRead() {
        CanonicalWriter w = new CanonicalWriter().fixed(ModuleImage.MAGIC).uint(1).uint(0).uint(1)
                .string("f").bool(true).uint(0).uint(0).uint(0).uint(0);
        w.uint(Limits.CODE_BYTES_MAX + 1);
        VmLoadException e = refused(w.toByteArray());
        assertThat(e.kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("code length");
    }

    @Test
    void tooManyLocalsWithParametersIsALimit() {
        FunctionAbi f = new FunctionAbi("f", true, List.of(new FunctionAbi.Param("a", ValueType.INT)), List.of(),
                java.util.Collections.nCopies(Limits.LOCALS_MAX, ValueType.INT), 0);
        assertThat(refused(module(new byte[] {(byte) RET}, List.of(), f)).kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
    }

    @Test
    void aFunctionTableThatIsEmptyRepeatsANameOrMisplacesAnEntryIsRefused() {
        byte[] code = {(byte) RET, (byte) RET};
        assertThat(refused(module(code, List.of())).kind()).isEqualTo(Kind.BAD_FUNCTION_TABLE);
        assertThat(refused(module(code, List.of(), fn("f", 0, List.of(), List.of()), fn("f", 1, List.of(), List.of()))).kind())
                .isEqualTo(Kind.BAD_FUNCTION_TABLE);
        assertThat(refused(module(code, List.of(), fn("f", 1, List.of(), List.of()))).kind()).isEqualTo(Kind.BAD_FUNCTION_TABLE);
        assertThat(refused(module(code, List.of(), fn("f", 0, List.of(), List.of()), fn("g", 2, List.of(), List.of()))).kind())
                .isEqualTo(Kind.BAD_FUNCTION_TABLE);
        assertThat(refused(module(code, List.of(), fn("9lives", 0, List.of(), List.of()))).kind()).isEqualTo(Kind.BAD_FUNCTION_TABLE);
    }

    @Test
    void anUnassignedOpcodeIsRefusedAtItsOffset() {
        VmLoadException e = refused(module(Opcode.NOP.code(), 0xEE, RET));
        assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_OPCODE);
        assertThat(e.offset()).isEqualTo(1);
    }

    @Test
    void anImmediateCutOffByTheEndOfTheFunctionIsTruncated() {
        assertThat(refused(module(PUSH, 0, 0, 0)).kind()).isEqualTo(Kind.TRUNCATED_INSTRUCTION);
    }

    @Test
    void aJumpIntoTheMiddleOfAnInstructionOrIntoAnotherFunctionIsRefused() {
        // push 0 (9 bytes), then jump to offset 1, which is inside the push
        byte[] code = {(byte) PUSH, 0, 0, 0, 0, 0, 0, 0, 0, (byte) Opcode.JUMP.code(), 0, 1};
        VmLoadException e = refused(module(code, List.of(), fn("f", 0, List.of(), List.of())));
        assertThat(e.kind()).isEqualTo(Kind.BAD_JUMP_TARGET);
        assertThat(e.offset()).isEqualTo(9);
        byte[] two = {(byte) RET, (byte) Opcode.JUMP.code(), 0, 0};
        assertThat(refused(module(two, List.of(), fn("f", 0, List.of(), List.of()), fn("g", 1, List.of(), List.of()))).kind())
                .isEqualTo(Kind.BAD_JUMP_TARGET);
    }

    @Test
    void indicesOfMissingLocalsConstantsAndFunctionsAreRefused() {
        assertThat(refused(module(Opcode.GET.code(), 0, RET)).kind()).isEqualTo(Kind.BAD_INDEX);
        assertThat(refused(module(Opcode.PUSHB.code(), 0, 0, RET)).kind()).isEqualTo(Kind.BAD_INDEX);
        assertThat(refused(module(Opcode.CALL.code(), 0, 1, RET)).kind()).isEqualTo(Kind.BAD_INDEX);
        assertThat(refused(module(Opcode.XCALL.code(), 1, 7, 0, RET)).kind()).isEqualTo(Kind.BAD_INDEX);
    }

    @Test
    void anInstructionThatWouldPopAnEmptyStackIsAnUnderflow() {
        VmLoadException e = refused(module(Opcode.ADD.code(), RET));
        assertThat(e.kind()).isEqualTo(Kind.STACK_UNDERFLOW);
        assertThat(e.offset()).isZero();
    }

    @Test
    void aStackThatCouldGrowPastTheFunctionLimitIsAnOverflow() {
        ByteArrayOutputStream code = new ByteArrayOutputStream();
        for (int i = 0; i <= Limits.FUNCTION_STACK_MAX; i++) {
            code.write(Opcode.HEIGHT.code());
        }
        code.write(RET);
        assertThat(refused(module(code.toByteArray(), List.of(), fn("f", 0, List.of(), List.of()))).kind()).isEqualTo(Kind.STACK_OVERFLOW);
    }

    @Test
    void anIntegerInstructionGivenAByteStringIsATypeMismatch() {
        byte[] code = {(byte) Opcode.PUSHB.code(), 0, 0, (byte) Opcode.NEG.code(), (byte) RET};
        VmLoadException e = refused(module(code, List.of(new byte[] {1}), fn("f", 0, List.of(ValueType.INT), List.of())));
        assertThat(e.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(e.offset()).isEqualTo(3);
    }

    @Test
    void twoPathsThatReachAJoinWithDifferentStacksOrARetWithTheWrongCountAreRefused() {
        // push 1; jumpif L; push 2; L: ret  -> L is reached with [] and with [int]
        byte[] code = {(byte) Opcode.HEIGHT.code(), (byte) Opcode.JUMPIF.code(), 0, 5, (byte) Opcode.HEIGHT.code(), (byte) RET};
        assertThat(refused(module(code, List.of(), fn("f", 0, List.of(), List.of()))).kind()).isEqualTo(Kind.STACK_MISMATCH);
        assertThat(refused(module(Opcode.HEIGHT.code(), RET)).kind()).isEqualTo(Kind.STACK_MISMATCH);
    }

    @Test
    void aFunctionWhoseLastInstructionCanFallThroughIsRefused() {
        assertThat(refused(module(Opcode.NOP.code())).kind()).isEqualTo(Kind.FALLS_OFF_END);
        byte[] code = {(byte) Opcode.HEIGHT.code(), (byte) Opcode.JUMPIFNOT.code(), 0, 0};
        assertThat(refused(module(code, List.of(), fn("f", 0, List.of(), List.of()))).kind()).isEqualTo(Kind.FALLS_OFF_END);
    }

    @Test
    void tooManyEventTopicsAreALimit() {
        assertThat(refused(module(Opcode.EMIT.code(), Limits.EVENT_TOPICS_MAX + 1, RET)).kind()).isEqualTo(Kind.LIMIT_EXCEEDED);
    }
}
