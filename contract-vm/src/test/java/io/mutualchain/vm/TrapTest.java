package io.mutualchain.vm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every trap kind the interpreter itself raises, each from the smallest program that provokes it. */
class TrapTest {

    private static ExecutionResult.Trap trap(ExecutionResult r) {
        assertThat(r).isInstanceOf(ExecutionResult.Trap.class);
        return (ExecutionResult.Trap) r;
    }

    private static ExecutionResult run(String results, String body, long gas) {
        return Asm.run(Asm.body(results, body), InstructionConformanceTest.host(), gas);
    }

    @Test
    void addingOneToTheLargestIntTrapsWithOverflowAtTheAddInstruction() {
        ExecutionResult.Trap t = trap(run("int", "push 9223372036854775807\npush 1\nadd\nret", 100));
        assertThat(t.kind()).isEqualTo(TrapKind.OVERFLOW);
        assertThat(t.pc()).isEqualTo(18); // two 9-byte pushes before it
        assertThat(t.gasUsed()).isEqualTo(1 + 1 + 1 + 2);
    }

    @Test
    void multiplicationAndNegationAndDivisionOfTheSmallestIntOverflow() {
        assertThat(trap(run("int", "push 4611686018427387904\npush 2\nmul\nret", 100)).kind()).isEqualTo(TrapKind.OVERFLOW);
        assertThat(trap(run("int", "push -9223372036854775808\nneg\nret", 100)).kind()).isEqualTo(TrapKind.OVERFLOW);
        assertThat(trap(run("int", "push -9223372036854775808\npush -1\ndiv\nret", 100)).kind()).isEqualTo(TrapKind.OVERFLOW);
        assertThat(trap(run("int", "push -9223372036854775808\npush 1\nsub\nret", 100)).kind()).isEqualTo(TrapKind.OVERFLOW);
    }

    @Test
    void divisionAndRemainderByZeroTrap() {
        assertThat(trap(run("int", "push 1\npush 0\ndiv\nret", 100)).kind()).isEqualTo(TrapKind.DIV_BY_ZERO);
        assertThat(trap(run("int", "push 1\npush 0\nmod\nret", 100)).kind()).isEqualTo(TrapKind.DIV_BY_ZERO);
    }

    @Test
    void unboundedRecursionStopsAtTheCallDepthCounterNotTheJvmStack() {
        Module m = Asm.load(".func f() export\ncall f\nret\n.end");
        ExecutionResult.Trap t = trap(Asm.run(m, InstructionConformanceTest.host(), 1_000_000));
        assertThat(t.kind()).isEqualTo(TrapKind.CALL_DEPTH);
        assertThat(t.gasUsed()).isEqualTo(Limits.CALL_DEPTH_MAX * 12L);
    }

    @Test
    void recursionWithLargeFramesRunsOutOfStackSlotsBeforeCallDepth() {
        StringBuilder locals = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            locals.append(".local x").append(i).append(": int\n");
        }
        Module m = Asm.load(".func f() export\n" + locals + "call f\nret\n.end");
        assertThat(trap(Asm.run(m, InstructionConformanceTest.host(), 1_000_000)).kind()).isEqualTo(TrapKind.STACK_OVERFLOW);
    }

    @Test
    void indexingSlicingAndShiftingOutOfRangeTrapWithOutOfBounds() {
        assertThat(trap(run("int", "pushb \"ab\"\npush 2\nbget\nret", 100)).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS);
        assertThat(trap(run("bytes", "pushb \"ab\"\npush 1\npush 2\nbslice\nret", 100)).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS);
        assertThat(trap(run("bytes", "pushb \"ab\"\npush -1\npush 1\nbslice\nret", 100)).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS);
        assertThat(trap(run("int", "push 1\npush 64\nshl\nret", 100)).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS);
        assertThat(trap(run("int", "pushb \"abc\"\nbtoi\nret", 100)).kind()).isEqualTo(TrapKind.OUT_OF_BOUNDS);
    }

    @Test
    void doublingAByteStringPastItsBoundTrapsWithBytesTooLong() {
        ExecutionResult.Trap t = trap(run("", ".local s: bytes\npushb \"ab\"\nset s\nloop: get s\nget s\nbcat\nset s\njump loop", 1_000_000));
        assertThat(t.kind()).isEqualTo(TrapKind.BYTES_TOO_LONG);
    }

    @Test
    void creatingMoreThanTheMemoryBoundTrapsWithMemoryLimit() {
        String body = """
                .local s: bytes
                    pushb "a"
                    set s
                grow:
                    get s
                    get s
                    bcat
                    set s
                    get s
                    blen
                    push 8192
                    lt
                    jumpif grow
                burn:
                    get s
                    get s
                    bcat
                    pop
                    jump burn
                """;
        ExecutionResult.Trap t = trap(run("", body, 100_000_000));
        assertThat(t.kind()).isEqualTo(TrapKind.MEMORY_LIMIT);
    }

    @Test
    void argumentsOfTheWrongTypeOrNumberAreATypeMismatchThatCostsNothing() {
        Module m = Asm.load(".func f(a: int) -> int export\nget a\nret\n.end");
        ExecutionResult.Trap t = trap(Interpreter.call(m, "f", List.of(Value.utf8("x")), InstructionConformanceTest.host(), 100));
        assertThat(t.kind()).isEqualTo(TrapKind.TYPE_MISMATCH);
        assertThat(t.gasUsed()).isZero();
        assertThat(t.pc()).isEqualTo(-1);
        assertThat(trap(Interpreter.call(m, "f", List.of(), InstructionConformanceTest.host(), 100)).kind()).isEqualTo(TrapKind.TYPE_MISMATCH);
    }

    @Test
    void aByteStringArgumentOverTheBoundIsRefused() {
        Module m = Asm.load(".func f(a: bytes) -> bytes export\nget a\nret\n.end");
        ExecutionResult r = Interpreter.call(m, "f", List.of(Value.of(new byte[Limits.BYTES_LENGTH_MAX + 1])), InstructionConformanceTest.host(), 100);
        assertThat(trap(r).kind()).isEqualTo(TrapKind.BYTES_TOO_LONG);
    }

    @Test
    void aByteStringThatIsNotTwentyBytesIsNotAnAddress() {
        assertThat(trap(run("int", "pushb \"short\"\nlevel\nret", 100)).kind()).isEqualTo(TrapKind.BAD_ADDRESS);
    }

    @Test
    void transferringANegativeAmountTrapsWithBadAmount() {
        String to = InstructionConformanceTest.hex(InstructionConformanceTest.PAYEE);
        assertThat(trap(run("int", "pushb " + to + "\npush -1\ntransfer\nret", 1_000)).kind()).isEqualTo(TrapKind.BAD_AMOUNT);
    }

    @Test
    void unknownAndUnexportedFunctionsCannotBeCalledFromOutside() {
        Module m = Asm.load(".func hidden() -> int\npush 1\nret\n.end\n.func f() -> int export\ncall hidden\nret\n.end");
        assertThat(trap(Interpreter.call(m, "nope", List.of(), InstructionConformanceTest.host(), 100)).kind()).isEqualTo(TrapKind.NO_SUCH_FUNCTION);
        assertThat(trap(Interpreter.call(m, "hidden", List.of(), InstructionConformanceTest.host(), 100)).kind()).isEqualTo(TrapKind.NO_SUCH_FUNCTION);
        assertThat(Interpreter.call(m, "f", List.of(), InstructionConformanceTest.host(), 100).isSuccess()).isTrue();
    }

    private static Host hostWhoseStorageReadThrows(RuntimeException e) {
        return new FakeHost(new FakeHost.World(), null, new CallGuard(InstructionConformanceTest.SELF),
                InstructionConformanceTest.ORIGIN, InstructionConformanceTest.CALLER, InstructionConformanceTest.SELF, 0) {
            @Override
            public byte[] storageGet(byte[] key) {
                throw e;
            }
        };
    }

    @Test
    void aHostsDeterministicRefusalBecomesATrapOfTheKindTheHostChose() {
        Host refusing = hostWhoseStorageReadThrows(new HostTrap(TrapKind.HOST_ERROR, "too many events"));
        ExecutionResult.Trap t = trap(Asm.run(Asm.body("bytes", "pushb \"k\"\nsload\nret"), refusing, 1_000));
        assertThat(t.kind()).isEqualTo(TrapKind.HOST_ERROR);
        assertThat(t.message()).isEqualTo("too many events");
    }

    @Test
    void aHostFailureThatIsNotATypedRefusalLeavesTheVmUnchangedInsteadOfBecomingATrap() {
        IllegalStateException disk = new IllegalStateException("read failed: block checksum mismatch");
        Host failing = hostWhoseStorageReadThrows(disk);
        assertThatThrownBy(() -> Asm.run(Asm.body("bytes", "pushb \"k\"\nsload\nret"), failing, 1_000)).isSameAs(disk);
    }

    @Test
    void anErrorInsideANestedContractCallIsNotCaughtByTheCallingContract() {
        Host failing = new FakeHost(new FakeHost.World(), null, new CallGuard(InstructionConformanceTest.SELF),
                InstructionConformanceTest.ORIGIN, InstructionConformanceTest.CALLER, InstructionConformanceTest.SELF, 0) {
            @Override
            public ExecutionResult call(io.mutualchain.core.types.Address contract, String function, List<Value> args, long gasLimit, long value) {
                throw new StackOverflowError("deep");
            }
        };
        String callee = InstructionConformanceTest.hex(InstructionConformanceTest.PAYEE);
        Module m = Asm.load(".func f() -> int export\npushb " + callee + "\npushb \"g\"\npush 0\npush 100\nxcall () -> ()\nret\n.end");
        assertThatThrownBy(() -> Interpreter.call(m, "f", List.of(), failing, 10_000)).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void runningOutOfGasUsesExactlyTheLimit() {
        ExecutionResult r = run("", "loop: jump loop", 1_000);
        assertThat(r).isEqualTo(new ExecutionResult.OutOfGas(1_000));
    }

    @Test
    void aBlockThatCostsMoreThanWhatIsLeftIsNotStarted() {
        // The whole entry block (push, push, add, ret = 5) is charged before its first instruction runs.
        assertThat(run("int", "push 1\npush 2\nadd\nret", 4)).isEqualTo(new ExecutionResult.OutOfGas(4));
        assertThat(run("int", "push 1\npush 2\nadd\nret", 5)).isEqualTo(new ExecutionResult.Success(List.of(Value.of(3)), 5));
    }
}
