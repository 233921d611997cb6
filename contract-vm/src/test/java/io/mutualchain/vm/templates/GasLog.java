package io.mutualchain.vm.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gas used per template function over a test class's scenarios: printed, and written to
 * {@code target/template-gas/<template>.txt}, so a change in cost shows up in review. Only a
 * generous bound is asserted; the numbers themselves are measurements, not a contract.
 */
final class GasLog {
    /** Every template function must stay well below a block's worth of work. */
    static final long FUNCTION_GAS_BOUND = 1_000_000;

    private record Stat(long calls, long min, long max, long total) {
        Stat with(long gas) {
            return new Stat(calls + 1, Math.min(min, gas), Math.max(max, gas), total + gas);
        }
    }

    private final Map<String, Map<String, Stat>> byTemplate = new TreeMap<>();

    void record(String template, String function, long gas) {
        byTemplate.computeIfAbsent(template, t -> new TreeMap<>())
                .merge(function, new Stat(1, gas, gas, gas), (a, b) -> a.with(gas));
    }

    /** Prints and writes the table, and checks the bound. */
    void report() {
        byTemplate.forEach((template, fns) -> {
            StringBuilder s = new StringBuilder();
            s.append(String.format("gas per successful call of %s (gas schedule V1)%n", template));
            s.append(String.format("%-18s %6s %9s %9s %9s%n", "function", "calls", "min", "mean", "max"));
            fns.forEach((fn, st) -> s.append(String.format("%-18s %6d %9d %9d %9d%n", fn, st.calls(), st.min(), st.total() / st.calls(), st.max())));
            System.out.print(s);
            write(template, s.toString());
            fns.forEach((fn, st) -> assertThat(st.max()).as("%s.%s gas", template, fn).isLessThan(FUNCTION_GAS_BOUND));
        });
    }

    private static void write(String template, String text) {
        try {
            Path dir = Path.of("target", "template-gas");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(template + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
