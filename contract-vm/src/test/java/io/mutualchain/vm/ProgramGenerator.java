package io.mutualchain.vm;

import java.util.Random;

/**
 * Random well-typed assembler programs for property tests: several functions with int and bytes
 * parameters and locals, constants, forward and backward jumps, loops bounded by a counter, calls
 * to earlier functions, byte-string and host instructions. One seed, one program.
 */
final class ProgramGenerator {
    private final Random rnd;
    private final StringBuilder out = new StringBuilder();
    private int labels;

    private ProgramGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    static String program(long seed) {
        return new ProgramGenerator(seed).build();
    }

    private String build() {
        int consts = rnd.nextInt(3);
        for (int i = 0; i < consts; i++) {
            out.append(".const k").append(i).append(' ').append(rnd.nextBoolean() ? "\"c" + i + "\"" : Long.toString(rnd.nextLong())).append('\n');
        }
        int functions = 1 + rnd.nextInt(4);
        for (int f = 0; f < functions; f++) {
            function(f);
        }
        return out.toString();
    }

    private void function(int f) {
        out.append(".func f").append(f).append("(a: int, b: bytes) -> (int, bytes)").append(rnd.nextBoolean() || f == 0 ? " export" : "").append('\n');
        out.append("    .local x: int\n    .local s: bytes\n    .local n: int\n");
        int snippets = 1 + rnd.nextInt(12);
        for (int i = 0; i < snippets; i++) {
            snippet(f);
        }
        out.append("    get x\n    get s\n    ret\n.end\n");
    }

    private String label() {
        return "L" + (labels++);
    }

    private long small() {
        return rnd.nextInt(7) == 0 ? rnd.nextLong() : rnd.nextInt(200) - 100;
    }

    private void snippet(int f) {
        switch (rnd.nextInt(16)) {
            case 0 -> out.append("    push ").append(small()).append("\n    get a\n    add\n    set x\n");
            case 1 -> out.append("    get x\n    push ").append(small()).append("\n    ").append(pick("mul", "sub", "div", "mod", "and", "or", "xor", "lt", "ge", "eq")).append("\n    set x\n");
            case 2 -> out.append("    get s\n    get b\n    bcat\n    set s\n");
            case 3 -> out.append("    get s\n    blen\n    set x\n");
            case 4 -> out.append("    pushb ").append(rnd.nextBoolean() ? "\"t" + rnd.nextInt(9) + "\"" : "x\"00ff" + Integer.toHexString(rnd.nextInt(256) | 0x100).substring(1) + "\"").append("\n    set s\n");
            case 5 -> {
                String l = label();
                out.append("    get x\n    jumpifnot ").append(l).append("\n    push 1\n    set x\n").append(l).append(":\n    nop\n");
            }
            case 6 -> {
                String top = label();
                String end = label();
                out.append("    push ").append(rnd.nextInt(20)).append("\n    set n\n").append(top).append(":\n    get n\n    jumpifnot ").append(end)
                        .append("\n    get n\n    push 1\n    sub\n    set n\n    get x\n    get n\n    add\n    set x\n    jump ").append(top)
                        .append('\n').append(end).append(":\n    nop\n");
            }
            case 7 -> {
                if (f > 0) {
                    out.append("    get x\n    get s\n    call f").append(rnd.nextInt(f)).append("\n    set s\n    set x\n");
                } else {
                    out.append("    get x\n    neg\n    set x\n");
                }
            }
            case 8 -> out.append("    get s\n    sha256\n    set s\n");
            case 9 -> out.append("    get s\n    get x\n    itob\n    sstore\n");
            case 10 -> out.append("    get s\n    sload\n    set s\n");
            case 11 -> out.append("    pushb \"topic\"\n    get s\n    emit 1\n");
            case 12 -> out.append("    get s\n    push ").append(rnd.nextInt(4)).append("\n    push ").append(rnd.nextInt(4)).append("\n    bslice\n    set s\n");
            case 13 -> out.append("    ").append(pick("height", "time", "balance", "value")).append("\n    get x\n    add\n    set x\n");
            case 14 -> out.append("    caller\n    ").append(pick("level", "credit")).append("\n    set x\n");
            default -> out.append("    get x\n    push ").append(rnd.nextInt(70)).append("\n    ").append(pick("shl", "shr")).append("\n    set x\n");
        }
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }
}
