package io.mutualchain.vm;

/**
 * The integer instructions as small pure functions: same inputs, same output or same trap, on every
 * JVM. Checked arithmetic traps instead of wrapping, because a silently wrapped balance is the
 * classic way to mint money.
 */
final class IntOps {
    private IntOps() {
    }

    static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw Halt.trap(TrapKind.OVERFLOW, a + " + " + b + " overflows 64 bits");
        }
        return r;
    }

    static long sub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw Halt.trap(TrapKind.OVERFLOW, a + " - " + b + " overflows 64 bits");
        }
        return r;
    }

    static long mul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi != (lo >> 63)) {
            throw Halt.trap(TrapKind.OVERFLOW, a + " * " + b + " overflows 64 bits");
        }
        return lo;
    }

    /** Division rounds toward zero. */
    static long div(long a, long b) {
        if (b == 0) {
            throw Halt.trap(TrapKind.DIV_BY_ZERO, a + " / 0");
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw Halt.trap(TrapKind.OVERFLOW, a + " / -1 overflows 64 bits");
        }
        return a / b;
    }

    /** The remainder has the sign of the dividend. */
    static long mod(long a, long b) {
        if (b == 0) {
            throw Halt.trap(TrapKind.DIV_BY_ZERO, a + " mod 0");
        }
        return a % b;
    }

    static long neg(long a) {
        if (a == Long.MIN_VALUE) {
            throw Halt.trap(TrapKind.OVERFLOW, "-(" + a + ") overflows 64 bits");
        }
        return -a;
    }

    /** Bits shifted out are lost; the amount must be 0..63 rather than silently masked. */
    static long shl(long a, long n) {
        return a << shift(n);
    }

    /** Arithmetic (sign-extending) shift right. */
    static long shr(long a, long n) {
        return a >> shift(n);
    }

    private static int shift(long n) {
        if (n < 0 || n > 63) {
            throw Halt.trap(TrapKind.OUT_OF_BOUNDS, "shift amount " + n + " is not in 0..63");
        }
        return (int) n;
    }

    static long bool(boolean b) {
        return b ? 1 : 0;
    }
}
