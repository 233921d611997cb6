package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.rpc.RpcClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a contract scenario on a quiet dev node ({@link NodeProcess#startQuietDev}) through the
 * CLI, the way a user would, and keeps the books the scenario tests check: every fee a scenario
 * transaction's receipt reports is added up, so "balances now + fees paid = balances before" can be
 * asserted to the base unit. The node's height moves only with the scenario's transactions and the
 * filler transfers of {@link #advanceTo}, so a contract term counted in blocks ends when the
 * scenario moves past it, never because CLI processes were slow to start. Independent commands
 * (different signers) run as parallel CLI processes, to keep the run short.
 */
final class ScenarioDriver implements AutoCloseable {
    static final long UNIT = 100_000_000L;
    /** The fixed supply, in base units. */
    static final long SUPPLY_UNITS = 400_000_000L * UNIT;
    /** Most CLI processes at once: the machine has two cores. */
    private static final int PARALLEL_MAX = 5;
    private static final long PARALLEL_TIMEOUT_SECONDS = 120;
    /** Tries per funding transfer whose lower nonces have not reached the node yet. */
    private static final int NONCE_GAP_ATTEMPTS = 8;
    private static final long NONCE_GAP_PAUSE_MS = 300;

    private final String rpcUrl;
    private final RpcClient client;
    private final Path keys;
    private final FillerBlocks filler;
    private final AtomicLong fees = new AtomicLong();
    private final Map<String, Long> feesByKey = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_MAX);

    /** {@code fillerPayer} pays for the filler transfers of {@link #advanceTo}; keep it out of the books a scenario checks. */
    ScenarioDriver(String rpcUrl, Path keys, KeyPair fillerPayer) {
        this.rpcUrl = rpcUrl;
        this.client = new RpcClient(URI.create(rpcUrl));
        this.keys = keys;
        this.filler = new FillerBlocks(client, fillerPayer);
    }

    RpcClient client() {
        return client;
    }

    String keyFile(String name) {
        return keys.resolve(name + ".key.json").toString();
    }

    /** Runs a CLI command against the node with {@code --json}. */
    Cli.Result run(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--rpc", rpcUrl, "--json"));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Runs a command that must succeed; its fee (if it is a transaction) is added to the books. */
    JsonNode ok(String... args) throws Exception {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        JsonNode json = r.json();
        book(args, feeOf(json));
        return json;
    }

    /** Runs a contract call that must revert with {@code reason}; it still pays, and that fee is booked too. */
    JsonNode reverted(String reason, String... args) throws Exception {
        Cli.Result r = run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(1);
        JsonNode json = r.json();
        assertThat(json.path("executionStatus").asText()).isEqualTo("REVERTED");
        assertThat(json.path("revertReasonText").asText()).isEqualTo(reason);
        long fee = feeOf(json);
        assertThat(fee).as("a reverted call pays the base fee and its gas").isGreaterThan(10_000);
        book(args, fee);
        return json;
    }

    /** Runs independent commands at the same time (each must succeed); results in the order given. */
    List<JsonNode> okAll(List<String[]> commands) throws Exception {
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (String[] c : commands) {
            futures.add(pool.submit(() -> ok(c)));
        }
        List<JsonNode> out = new ArrayList<>();
        for (Future<JsonNode> f : futures) {
            out.add(f.get(PARALLEL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return out;
    }

    /** Makes key files {@code name.key.json} (in parallel, no node needed); returns their addresses. */
    List<String> newKeys(String... names) throws Exception {
        List<Future<String>> futures = new ArrayList<>();
        for (String n : names) {
            futures.add(pool.submit(() -> {
                Cli.Result r = Cli.run("keys", "new", "--out", keyFile(n), "--json");
                assertThat(r.exitCode()).as(r.err()).isZero();
                return r.json().path("address").asText();
            }));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> f : futures) {
            out.add(f.get(PARALLEL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return out;
    }

    /**
     * Sends {@code mtn[i]} MTN from {@code fromKey} to {@code to[i]}, all at once with consecutive nonces.
     * The node refuses a nonce that leaves a gap, and parallel CLI processes reach it in any order, so
     * a transfer refused for NONCE_TOO_HIGH is sent again (a bounded number of times) once the lower
     * nonces have had time to arrive; a refused transfer pays nothing.
     */
    void fund(String fromKey, String fromAddress, List<String> to, List<String> mtn) throws Exception {
        long nonce = client.call("mc_getAccount", fromAddress).path("nonce").asLong();
        List<Future<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            String[] c = {"tx", "transfer", "--key", fromKey, "--to", to.get(i), "--amount", mtn.get(i), "--nonce", Long.toString(nonce + i)};
            long head = i * NONCE_GAP_PAUSE_MS;
            futures.add(pool.submit(() -> {
                Thread.sleep(head);   // a head start for the lower nonces: fewer refusals to retry
                return sendAllowingGaps(c);
            }));
        }
        for (Future<JsonNode> f : futures) {
            f.get(PARALLEL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private JsonNode sendAllowingGaps(String[] command) throws Exception {
        for (int attempt = 1; attempt < NONCE_GAP_ATTEMPTS; attempt++) {
            Cli.Result r = run(command);
            if (r.exitCode() == 0) {
                JsonNode json = r.json();
                book(command, feeOf(json));
                return json;
            }
            assertThat(r.err()).as(String.join(" ", command)).contains("NONCE_TOO_HIGH");
            Thread.sleep(NONCE_GAP_PAUSE_MS);
        }
        return ok(command);
    }

    private void book(String[] args, long fee) {
        fees.addAndGet(fee);
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--key")) {
                feesByKey.merge(args[i + 1], fee, Long::sum);
            }
        }
    }

    /** The fees booked for transactions signed with {@code keyFile} since the last {@link #resetFees()}. */
    long feesOf(String keyFile) {
        return feesByKey.getOrDefault(keyFile, 0L);
    }

    /** The fees booked since the last {@link #resetFees()}, in base units. */
    long fees() {
        return fees.get();
    }

    void resetFees() {
        fees.set(0);
        feesByKey.clear();
    }

    long height() throws Exception {
        return client.call("mc_blockNumber").asLong();
    }

    /**
     * Makes the chain's tip at least {@code target} with filler transfers (none if it is there already);
     * returns the tip. The next scenario transaction then commits above {@code target}.
     */
    long advanceTo(long target) throws Exception {
        return filler.advanceTo(target);
    }

    long balance(String address) throws Exception {
        return client.call("mc_getAccount", address).path("balanceUnits").asLong();
    }

    long held(List<String> addresses) throws Exception {
        long sum = 0;
        for (String a : addresses) {
            sum += balance(a);
        }
        return sum;
    }

    long totalSupplyUnits() throws Exception {
        return client.call("mc_getSupply").path("totalUnits").asLong();
    }

    /** The fee a printed receipt reports: contract receipts carry it at the top, transfers under "receipt". */
    static long feeOf(JsonNode printed) {
        JsonNode fee = printed.has("feePaidUnits") ? printed.path("feePaidUnits") : printed.path("receipt").path("feePaidUnits");
        return fee.asLong();
    }

    /** The int a read or call returned at {@code index}. */
    static long intAt(JsonNode printed, int index) {
        return printed.path("result").get(index).asLong();
    }

    /** The names (first topic) of the events a printed receipt lists, in order. */
    static List<String> eventNames(JsonNode printed) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : printed.path("events")) {
            names.add(new String(Hex.decode(e.path("topics").get(0).asText().substring(2)), StandardCharsets.UTF_8));
        }
        return names;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
