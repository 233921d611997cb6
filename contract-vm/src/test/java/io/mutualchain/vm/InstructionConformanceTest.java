package io.mutualchain.vm;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Ed25519;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.types.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per instruction: the result and the exact gas, worked out by hand from the V1 schedule
 * (the comment on each case shows the sum). A change of any price or semantics fails here first.
 */
class InstructionConformanceTest {
    static final Address SELF = addr(1);
    static final Address CALLER = addr(2);
    static final Address ORIGIN = addr(3);
    static final Address PAYEE = addr(4);
    static final Address MEMBER = addr(5);
    static final Address CALLEE = addr(9);

    record Case(String mnemonic, String results, String body, List<Value> expected, long gas) {
        @Override
        public String toString() {
            return mnemonic;
        }
    }

    static Address addr(int b) {
        byte[] a = new byte[Address.SIZE];
        Arrays.fill(a, (byte) b);
        return Address.ofBytes(a);
    }

    static String hex(Address a) {
        return "x\"" + Hex.encode(a.toBytes()) + "\"";
    }

    static Value.Bytes utf8(String s) {
        return Value.utf8(s);
    }

    static Case c(String mnemonic, String results, String body, long gas, Value... expected) {
        return new Case(mnemonic, results, body, List.of(expected), gas);
    }

    static Stream<Case> cases() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        PublicKey pk = Ed25519.publicKeyOf(seed);
        byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
        String sig = Hex.encode(Ed25519.sign(seed, pk, msg).toBytes());
        return Stream.of(
                c("nop", "int", "nop\npush 1\nret", 1 + 1 + 2, Value.of(1)),
                c("push", "int", "push -5\nret", 1 + 2, Value.of(-5)),
                c("pushb", "bytes", "pushb \"ab\"\nret", 1 + 2, utf8("ab")),
                c("pop", "int", "push 1\npush 2\npop\nret", 1 + 1 + 1 + 2, Value.of(1)),
                c("dup", "int", "push 3\ndup\nadd\nret", 1 + 1 + 1 + 2, Value.of(6)),
                c("swap", "int", "push 10\npush 3\nswap\nsub\nret", 1 + 1 + 1 + 1 + 2, Value.of(-7)),
                c("get", "bytes", ".local s: bytes\nget s\nret", 1 + 2, utf8("")),
                c("set", "int", ".local x: int\npush 9\nset x\nget x\nret", 1 + 1 + 1 + 2, Value.of(9)),
                c("add", "int", "push 2\npush 3\nadd\nret", 5, Value.of(5)),
                c("sub", "int", "push 2\npush 3\nsub\nret", 5, Value.of(-1)),
                c("mul", "int", "push -2\npush 3\nmul\nret", 1 + 1 + 2 + 2, Value.of(-6)),
                c("div", "int", "push -7\npush 2\ndiv\nret", 1 + 1 + 4 + 2, Value.of(-3)),
                c("mod", "int", "push -7\npush 2\nmod\nret", 1 + 1 + 4 + 2, Value.of(-1)),
                c("neg", "int", "push 4\nneg\nret", 1 + 1 + 2, Value.of(-4)),
                c("and", "int", "push 12\npush 10\nand\nret", 5, Value.of(8)),
                c("or", "int", "push 12\npush 10\nor\nret", 5, Value.of(14)),
                c("xor", "int", "push 12\npush 10\nxor\nret", 5, Value.of(6)),
                c("shl", "int", "push 1\npush 4\nshl\nret", 5, Value.of(16)),
                c("shr", "int", "push -16\npush 2\nshr\nret", 5, Value.of(-4)),
                c("eq", "int", "push 4\npush 4\neq\nret", 5, Value.of(1)),
                c("ne", "int", "push 4\npush 4\nne\nret", 5, Value.of(0)),
                c("lt", "int", "push -1\npush 0\nlt\nret", 5, Value.of(1)),
                c("le", "int", "push 0\npush 0\nle\nret", 5, Value.of(1)),
                c("gt", "int", "push 0\npush 0\ngt\nret", 5, Value.of(0)),
                c("ge", "int", "push -1\npush 0\nge\nret", 5, Value.of(0)),
                c("eqz", "int", "push 0\neqz\nret", 1 + 1 + 2, Value.of(1)),
                // entry block {jump} = 1, then the jump charges block a {push, ret} = 3
                c("jump", "int", "jump a\na: push 1\nret", 1 + 3, Value.of(1)),
                // entry {push, jumpif} = 2, taken block {push, ret} = 3
                c("jumpif", "int", "push 1\njumpif a\npush 0\nret\na: push 7\nret", 2 + 3, Value.of(7)),
                c("jumpifnot", "int", "push 1\njumpifnot a\npush 5\nret\na: push 7\nret", 2 + 3, Value.of(5)),
                c("ret", "int, bytes", "push 1\npushb \"x\"\nret", 1 + 1 + 2, Value.of(1), utf8("x")),
                c("blen", "int", "pushb \"abc\"\nblen\nret", 1 + 1 + 2, Value.of(3)),
                // static 1+1+3+2, plus one word of new memory
                c("bcat", "bytes", "pushb \"ab\"\npushb \"cd\"\nbcat\nret", 7 + 1, utf8("abcd")),
                c("bslice", "bytes", "pushb \"hello\"\npush 1\npush 3\nbslice\nret", 8 + 1, utf8("ell")),
                c("bget", "int", "pushb x\"ff01\"\npush 0\nbget\nret", 5, Value.of(255)),
                // static 1+1+2+2, plus one word compared
                c("beq", "int", "pushb \"ab\"\npushb \"ab\"\nbeq\nret", 6 + 1, Value.of(1)),
                c("itob", "bytes", "push 258\nitob\nret", 1 + 2 + 2 + 1, Value.of(new byte[] {0, 0, 0, 0, 0, 0, 1, 2})),
                c("btoi", "int", "pushb x\"0000000000000102\"\nbtoi\nret", 1 + 2 + 2, Value.of(258)),
                // static 1+100+2, sload 3 per word read, 1 per word of new memory
                c("sload", "bytes", "pushb \"k\"\nsload\nret", 103 + 3 + 1, utf8("v1")),
                // static 1+1+1000+1+100+2, sstore 50 per word of key and of value, sload 3, memory 1
                c("sstore", "bytes", "pushb \"k\"\npushb \"v\"\nsstore\npushb \"k\"\nsload\nret", 1105 + 100 + 3 + 1, utf8("v")),
                c("caller", "bytes", "caller\nret", 2 + 2 + 1, Value.of(CALLER.toBytes())),
                c("origin", "bytes", "origin\nret", 2 + 2 + 1, Value.of(ORIGIN.toBytes())),
                c("self", "bytes", "self\nret", 2 + 2 + 1, Value.of(SELF.toBytes())),
                c("balance", "int", "balance\nret", 20 + 2, Value.of(500)),
                c("value", "int", "value\nret", 2 + 2, Value.of(42)),
                c("height", "int", "height\nret", 2 + 2, Value.of(7)),
                c("time", "int", "time\nret", 2 + 2, Value.of(1_700_000_000_000L)),
                c("transfer", "int", "pushb " + hex(PAYEE) + "\npush 100\ntransfer\nret", 1 + 1 + 500 + 2, Value.of(0)),
                // static 1+1+(100+50 per topic)+1+2, plus 5 per word of topics and data (6 bytes)
                c("emit", "int", "pushb \"t1\"\npushb \"data\"\nemit 1\npush 0\nret", 155 + 5, Value.of(0)),
                // static 1+30+2, 6 per word hashed, 1 per word of the new 32-byte digest
                c("sha256", "bytes", "pushb \"abc\"\nsha256\nret", 33 + 6 + 1,
                        Value.of(Hex.decode("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))),
                c("ed25519", "int", "pushb x\"" + pk.toHex() + "\"\npushb \"hello\"\npushb x\"" + sig + "\"\ned25519\nret",
                        1 + 1 + 1 + 2000 + 2 + 6, Value.of(1)),
                c("level", "int", "pushb " + hex(MEMBER) + "\nlevel\nret", 1 + 50 + 2, Value.of(2)),
                c("credit", "int", "pushb " + hex(MEMBER) + "\ncredit\nret", 1 + 50 + 2, Value.of(640)),
                // static 1+1+1+1+1+700+2, plus the callee's 5 (get, dup, add, ret)
                c("xcall", "int, int", "pushb " + hex(CALLEE) + "\npushb \"double\"\npush 0\npush 1000\npush 21\n"
                        + "xcall (int) -> (int)\nret", 707 + 5, Value.of(42), Value.of(0)));
    }

    static FakeHost host() {
        FakeHost.World w = new FakeHost.World();
        w.balances.put(SELF, 500L);
        w.levels.put(MEMBER, 2);
        w.credit.put(MEMBER, 640L);
        java.util.TreeMap<String, byte[]> s = new java.util.TreeMap<>();
        s.put(Hex.encode("k".getBytes(StandardCharsets.UTF_8)), "v1".getBytes(StandardCharsets.UTF_8));
        w.storage.put(SELF, s);
        w.contracts.put(CALLEE, Asm.load(".func double(x: int) -> (int) export\nget x\ndup\nadd\nret\n.end"));
        return new FakeHost(w, null, new CallGuard(SELF), ORIGIN, CALLER, SELF, 42);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachInstructionGivesItsResultForItsExactGas(Case c) {
        Module m = Asm.body(c.results(), c.body());
        ExecutionResult r = Asm.run(m, host(), 1_000_000);
        assertThat(r).isEqualTo(new ExecutionResult.Success(c.expected(), c.gas()));
    }

    @Test
    void callChargesTheCalleesEntryBlockOnTopOfTheCallersBlock() {
        Module m = Asm.load("""
                .func g(a: int, b: int) -> (int)
                    get a
                    get b
                    sub
                    ret
                .end
                .func f() -> (int) export
                    push 10
                    push 4
                    call g
                    ret
                .end
                """);
        // f: push, push, call(10), ret(2) = 14; g: get, get, sub, ret(2) = 5
        assertThat(Asm.run(m, host(), 1_000)).isEqualTo(new ExecutionResult.Success(List.of(Value.of(6)), 14 + 5));
    }

    @Test
    void revertEndsTheRunWithItsReasonAndTheGasOfItsBlock() {
        ExecutionResult r = Asm.run(Asm.body("", "pushb \"no\"\nrevert"), host(), 1_000);
        assertThat(r).isEqualTo(new ExecutionResult.Revert("no".getBytes(StandardCharsets.UTF_8), 1 + 1));
    }

    @Test
    void everyOpcodeHasAConformanceCase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(c -> covered.add(c.mnemonic()));
        covered.add("call");
        covered.add("revert");
        for (Opcode op : Opcode.values()) {
            assertThat(covered).as("conformance case for %s", op.mnemonic()).contains(op.mnemonic());
        }
    }

    @Test
    void aSumLoopCostsThirteenGasPerIterationPlusEntryAndExit() {
        Module m = Asm.load("""
                .func sum(n: int) -> int export
                    .local s: int
                    .local i: int
                loop:
                    get i
                    get n
                    lt
                    jumpifnot done
                    get s
                    get i
                    add
                    set s
                    get i
                    push 1
                    add
                    set i
                    jump loop
                done:
                    get s
                    ret
                .end
                """);
        ExecutionResult r = Interpreter.call(m, "sum", List.of(Value.of(100)), host(), 1_000_000);
        // entry block 4; per iteration body 9 + header 4; exit block get + ret = 3
        assertThat(r).isEqualTo(new ExecutionResult.Success(List.of(Value.of(4950)), 4 + 100 * 13 + 3));
    }
}
