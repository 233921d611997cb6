package io.mutualchain.vm.templates;

import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Value;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a run's result that read like the scenario: it succeeded, or it reverted saying why. */
final class Outcome {
    private Outcome() {
    }

    static List<Value> ok(ExecutionResult r) {
        assertThat(r).as("run result").isInstanceOf(ExecutionResult.Success.class);
        return ((ExecutionResult.Success) r).values();
    }

    static long okInt(ExecutionResult r) {
        return ((Value.Int) ok(r).get(0)).value();
    }

    static long intAt(List<Value> values, int i) {
        return ((Value.Int) values.get(i)).value();
    }

    static byte[] bytesAt(List<Value> values, int i) {
        return ((Value.Bytes) values.get(i)).toBytes();
    }

    static void reverted(ExecutionResult r, String reason) {
        assertThat(r).as("run result").isInstanceOf(ExecutionResult.Revert.class);
        assertThat(((ExecutionResult.Revert) r).reasonText()).isEqualTo(reason);
    }
}
