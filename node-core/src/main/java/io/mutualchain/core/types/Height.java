package io.mutualchain.core.types;

/** A block height: 0 is genesis, and every committed block is one higher than its parent. */
public record Height(long value) implements Comparable<Height> {
    public static final Height GENESIS = new Height(0);

    public Height {
        if (value < 0) {
            throw new IllegalArgumentException("height cannot be negative: " + value);
        }
    }

    public static Height of(long value) {
        return new Height(value);
    }

    public Height next() {
        return new Height(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(Height o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
