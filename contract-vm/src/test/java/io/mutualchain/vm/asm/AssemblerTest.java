package io.mutualchain.vm.asm;

import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Interpreter;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The assembler language and its error positions. */
class AssemblerTest {

    private static AsmException error(String source, IncludeResolver includes) {
        AsmException e = catchThrowableOfType(() -> Assembler.assemble(source, "main.masm", includes), AsmException.class);
        assertThat(e).as("source should be refused").isNotNull();
        return e;
    }

    private static AsmException error(String source) {
        return error(source, IncludeResolver.none());
    }

    private static ExecutionResult run(String source, String fn, Value... args) throws Exception {
        Module m = ModuleLoader.load(Assembler.assemble(source, "main.masm", IncludeResolver.none()));
        return Interpreter.call(m, fn, List.of(args), null, 100_000);
    }

    @Test
    void anUnknownInstructionIsReportedAtItsFileLineAndColumn() {
        AsmException e = error(".func f() export\n    push 1\n    frobnicate\n    ret\n.end\n");
        assertThat(e.getMessage()).isEqualTo("main.masm:3:5: unknown instruction or macro 'frobnicate'");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void aVerifierRefusalIsReportedAtTheInstructionThatCausedIt() {
        AsmException e = error(".func f() -> int export\n    push 1\n      add\n    ret\n.end\n");
        assertThat(e.file()).isEqualTo("main.masm");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.reason()).contains("STACK_UNDERFLOW");
    }

    @Test
    void aMissingLabelPointsAtTheJumpOperand() {
        AsmException e = error(".func f() export\n    jump nowhere\n.end\n");
        assertThat(e.getMessage()).startsWith("main.masm:2:10: no label 'nowhere'");
    }

    @Test
    void anErrorInAnIncludedFileNamesThatFile() {
        IncludeResolver lib = IncludeResolver.of(Map.of("lib.masm", "; helpers\n.const A 1\n.const B \"unterminated\n"));
        AsmException e = error(".include \"lib.masm\"\n.func f() export\nret\n.end\n", lib);
        assertThat(e.file()).isEqualTo("lib.masm");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(10);
    }

    @Test
    void aMissingIncludeAndAnIncludeCycleAreRefused() {
        assertThat(error(".include \"nope.masm\"\n").reason()).contains("not found");
        IncludeResolver loop = IncludeResolver.of(Map.of("a.masm", ".include \"b.masm\"\n", "b.masm", ".include \"a.masm\"\n"));
        assertThat(error(".include \"a.masm\"\n", loop).reason()).contains("includes itself");
    }

    @Test
    void badLiteralsAreReportedWhereTheyStart() {
        assertThat(error(".func f() -> int export\n    push 99999999999999999999\n    ret\n.end\n").getMessage())
                .startsWith("main.masm:2:10:");
        assertThat(error(".const X x\"abc\"\n").getMessage()).startsWith("main.masm:1:10:");
        assertThat(error(".func f() export\n  push \"a\\q\"\nret\n.end\n").getMessage()).startsWith("main.masm:2:10:");
    }

    @Test
    void constantsSlotsNamedParametersAndLabelsAssembleIntoAWorkingProgram() throws Exception {
        String src = """
                ; a counter with a cap
                .const CAP 3
                .slot COUNT "count"
                .func capped(x: int) -> int export
                    get x
                    push CAP
                    lt
                    jumpif small   ; under the cap
                    push CAP
                    ret
                small: get x
                    ret
                .end
                .func key() -> bytes export
                    push COUNT     ; push of a bytes constant is a pushb
                    ret
                .end
                """;
        assertThat(run(src, "capped", Value.of(10))).isInstanceOf(ExecutionResult.Success.class)
                .satisfies(r -> assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(3)));
        assertThat(((ExecutionResult.Success) run(src, "capped", Value.of(2))).values()).containsExactly(Value.of(2));
        assertThat(((ExecutionResult.Success) run(src, "key")).values()).containsExactly(Value.utf8("count"));
    }

    @Test
    void macrosTakeArgumentsAndGetFreshLocalLabelsPerUse() throws Exception {
        IncludeResolver lib = IncludeResolver.of(Map.of("std.masm", """
                .macro require cond reason
                    get cond
                    jumpif %ok
                    pushb reason
                    revert
                %ok:
                .endmacro
                """));
        String src = """
                .include "std.masm"
                .func f(a: int, b: int) -> int export
                    require a "a must be set"
                    require b "b must be set"
                    push 1
                    ret
                .end
                """;
        Module m = ModuleLoader.load(Assembler.assemble(src, "main.masm", lib));
        assertThat(Interpreter.call(m, "f", List.of(Value.of(1), Value.of(1)), null, 1_000).isSuccess()).isTrue();
        ExecutionResult r = Interpreter.call(m, "f", List.of(Value.of(1), Value.of(0)), null, 1_000);
        assertThat(((ExecutionResult.Revert) r).reasonText()).isEqualTo("b must be set");
    }

    @Test
    void forwardCallsAndUnknownFunctionsAreResolvedAtTheEnd() throws Exception {
        String src = ".func f() -> int export\ncall g\nret\n.end\n.func g() -> int\npush 5\nret\n.end\n";
        assertThat(((ExecutionResult.Success) run(src, "f")).values()).containsExactly(Value.of(5));
        assertThat(error(".func f() -> int export\ncall h\nret\n.end\n").getMessage()).startsWith("main.masm:2:6: no function named 'h'");
    }

    @Test
    void structuralMistakesAreNamed() {
        assertThat(error(".func f() export\nret\n").reason()).contains("has no .end");
        assertThat(error("push 1\n").reason()).contains("must be inside a .func");
        assertThat(error(".func f() export\n.end\n").reason()).contains("no instructions");
        assertThat(error(".func f() export\nret\n.end\n.func f() export\nret\n.end\n").getMessage()).startsWith("main.masm:4:7:");
        assertThat(error(".func f(a: float) export\nret\n.end\n").getMessage()).startsWith("main.masm:1:12:");
        assertThat(error(".const A 1\n.const A 2\n").getMessage()).startsWith("main.masm:2:8:");
        assertThat(error(".func f() export\nx: nop\nx: ret\n.end\n").getMessage()).startsWith("main.masm:3:1:");
    }

    @Test
    void theDisassemblyOfAProgramWithEveryKindOfOperandAssemblesToTheSameBytes() throws Exception {
        String src = """
                .const GREETING "hi \\"there\\""
                .const RAW x"00ff10"
                .func helper(v: int) -> int
                    get v
                    ret
                .end
                .func main(who: bytes) -> (int, int) export
                    .local n: int
                    push -9223372036854775808
                    pop
                    pushb GREETING
                    pushb RAW
                    bcat
                    pushb "topic"
                    swap
                    emit 1
                    push 4
                    call helper
                    set n
                    get who
                    pushb "f"
                    push 0
                    push 100
                    get n
                    xcall (int) -> (int)
                    ret
                .end
                """;
        byte[] bytes = Assembler.assemble(src, "main.masm", IncludeResolver.none());
        String text = Disassembler.disassemble(bytes);
        assertThat(Assembler.assemble(text, "dis.masm", IncludeResolver.none())).isEqualTo(bytes);
        assertThat(text).contains(".const c0 \"hi \\\"there\\\"\"").contains(".const c1 x\"00ff10\"").contains("xcall (int) -> (int)");
    }
}
