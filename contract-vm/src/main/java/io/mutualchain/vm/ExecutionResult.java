package io.mutualchain.vm;

import io.mutualchain.core.bytes.Hex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * How a run ended. Every way is a value, never an exception, and every one says how much gas was
 * used: a failed run still pays for the work it did. On anything but {@link Success} the host must
 * discard the run's state changes (storage writes, transfers, events).
 */
public sealed interface ExecutionResult
        permits ExecutionResult.Success, ExecutionResult.Revert, ExecutionResult.OutOfGas, ExecutionResult.Trap {

    long gasUsed();

    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** The function returned; values match its declared result types. */
    record Success(List<Value> values, long gasUsed) implements ExecutionResult {
        public Success {
            values = List.copyOf(values);
        }
    }

    /** The contract refused on purpose with REVERT and a reason (usually UTF-8 text, but any bytes). */
    final class Revert implements ExecutionResult {
        private final byte[] reason;
        private final long gasUsed;

        public Revert(byte[] reason, long gasUsed) {
            this.reason = reason.clone();
            this.gasUsed = gasUsed;
        }

        public byte[] reason() {
            return reason.clone();
        }

        /** The reason as text; bytes that are not UTF-8 show as replacement characters. */
        public String reasonText() {
            return new String(reason, StandardCharsets.UTF_8);
        }

        @Override
        public long gasUsed() {
            return gasUsed;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Revert r && gasUsed == r.gasUsed && Arrays.equals(reason, r.reason);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(reason) * 31 + Long.hashCode(gasUsed);
        }

        @Override
        public String toString() {
            return "Revert[reason=\"" + reasonText() + "\" (0x" + Hex.encode(reason) + "), gasUsed=" + gasUsed + "]";
        }
    }

    /** The gas limit was reached; all of it is used. */
    record OutOfGas(long gasUsed) implements ExecutionResult {
    }

    /**
     * The run broke a rule of the VM. {@code pc} is the code offset of the failing instruction, or
     * -1 when the run failed before its first instruction (bad arguments, unknown function).
     */
    record Trap(TrapKind kind, String message, int pc, long gasUsed) implements ExecutionResult {
    }
}
