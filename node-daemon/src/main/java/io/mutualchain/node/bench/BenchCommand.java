package io.mutualchain.node.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.node.cli.JsonOption;
import io.mutualchain.node.cli.KeyOption;
import io.mutualchain.node.cli.Printer;
import io.mutualchain.node.cli.UserError;
import io.mutualchain.rpc.RpcClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: committed transfers per second and submit-to-commit latency against one or more
 * nodes. Funding and signing happen before the measured window; the window opens at the first
 * submission and closes when the last transaction is seen committed.
 */
@Command(name = "bench", description = "Load generator: pre-signed transfers against one or more nodes; prints committed TPS and latency percentiles.")
public final class BenchCommand implements Callable<Integer> {
    /** Each bench account sends at most this many transactions, below the mempool's per-sender limit. */
    static final int MAX_TX_PER_ACCOUNT = 500;
    static final int MAX_TX = 1_000_000;
    static final int MAX_CONCURRENCY = 512;
    /** The node's default JSON-RPC batch limit. */
    static final int MAX_BATCH = 100;

    @Option(names = "--rpc", paramLabel = "URL[,URL…]", defaultValue = "http://127.0.0.1:8545", split = ",",
            description = "Node endpoints; accounts are spread over them (default ${DEFAULT-VALUE}).")
    List<String> urls;
    @Mixin
    KeyOption key;
    @Option(names = "--tx", paramLabel = "N", defaultValue = "10000", description = "Transfers to send (default ${DEFAULT-VALUE}).")
    int txCount;
    @Option(names = "--accounts", paramLabel = "A", description = "Sending accounts (default: enough for at most " + MAX_TX_PER_ACCOUNT + " each, at least 64).")
    Integer accounts;
    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "32", description = "Submitting threads (default ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--rate", paramLabel = "TPS", defaultValue = "0", description = "Offered load in transactions per second; 0 = as fast as possible.")
    int rate;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "20",
            description = "Transactions per JSON-RPC batch request (default ${DEFAULT-VALUE}; 1 = one HTTP request each).")
    int batch;
    @Option(names = "--metrics", paramLabel = "URL[,URL…]", split = ",",
            description = "The nodes' metrics endpoints (e.g. http://127.0.0.1:26602/metrics): adds the nodes' CPU time per committed"
                    + " transaction and the view changes during the run to the result.")
    List<String> metricsUrls = List.of();
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Give up waiting for commits after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;
    @Mixin
    JsonOption json;

    private static NodeCounters scrape(List<URI> metricsEndpoints) throws InterruptedException {
        try {
            return NodeCounters.scrape(metricsEndpoints);
        } catch (IOException e) {
            throw new UserError("cannot read the nodes' metrics: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (txCount < 1 || txCount > MAX_TX) {
            throw new UserError("--tx must be between 1 and " + MAX_TX);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new UserError("--batch must be between 1 and " + MAX_BATCH);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new UserError("--concurrency must be between 1 and " + MAX_CONCURRENCY);
        }
        int accountCount = accounts != null ? accounts : Math.max(64, (txCount + MAX_TX_PER_ACCOUNT - 1) / MAX_TX_PER_ACCOUNT);
        if (accountCount < 1 || (txCount + accountCount - 1) / accountCount > MAX_TX_PER_ACCOUNT) {
            throw new UserError("--accounts must give each account at most " + MAX_TX_PER_ACCOUNT + " transactions");
        }
        List<RpcClient> clients = new ArrayList<>();
        for (String u : urls) {
            clients.add(new RpcClient(URI.create(u.trim()), Duration.ofSeconds(30)));
        }
        KeyPair funder = key.load();
        RpcClient first = clients.get(0);
        String chainId;
        try {
            chainId = first.chainId();
        } catch (IOException e) {
            throw new UserError("cannot reach " + urls.get(0) + ": " + e.getMessage());
        }

        BenchPlan plan = BenchPlan.create(chainId, funder, accountCount, txCount);
        System.err.println("bench: funding " + accountCount + " accounts…");
        plan.fund(first);
        System.err.println("bench: pre-signing " + txCount + " transfers…");
        List<List<Transaction>> perAccount = plan.signTransfers();

        BlockWatcher watcher = new BlockWatcher(first, first.blockNumber() + 1);
        Thread watch = new Thread(watcher, "bench-watcher");
        watch.setDaemon(true);
        watch.start();
        System.err.println("bench: submitting with " + concurrency + " threads" + (rate > 0 ? " at " + rate + " tx/s" : "") + "…");
        List<URI> endpoints = clients.stream().map(RpcClient::endpoint).toList();
        List<URI> metricsEndpoints = metricsUrls.stream().map(u -> URI.create(u.trim())).toList();
        NodeCounters countersBefore = metricsEndpoints.isEmpty() ? null : scrape(metricsEndpoints);
        Submitter.Result sub = new Submitter(endpoints, perAccount, concurrency, rate, batch).run();

        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (watcher.seen() < sub.accepted() && System.nanoTime() < deadline) {
            Thread.sleep(BlockWatcher.POLL_MS);
        }
        watcher.stop();
        NodeCounters during = countersBefore == null ? null : scrape(metricsEndpoints).minus(countersBefore);

        List<Long> lat = new ArrayList<>();
        long lastCommit = sub.startNanos();
        for (int i = 0; i < sub.ids().length; i++) {
            if (sub.ids()[i] == null) {
                continue;
            }
            Long at = watcher.committedAt(sub.ids()[i]);
            if (at != null) {
                lat.add(at - sub.submittedAt()[i]);
                lastCommit = Math.max(lastCommit, at);
            }
        }
        long[] l = lat.stream().mapToLong(Long::longValue).toArray();
        LatencyStats stats = LatencyStats.of(l);
        double seconds = Math.max(1e-9, (lastCommit - sub.startNanos()) / 1e9);
        double tps = Math.round(l.length / seconds * 10) / 10.0;

        ObjectNode o = Printer.object();
        o.put("tps", tps);
        o.put("p50Ms", stats.p50Ms());
        o.put("p95Ms", stats.p95Ms());
        o.put("p99Ms", stats.p99Ms());
        o.put("maxMs", stats.maxMs());
        o.put("submitted", txCount);
        o.put("accepted", sub.accepted());
        o.put("rejected", sub.rejected());
        o.put("committed", l.length);
        o.put("seconds", Math.round(seconds * 1000) / 1000.0);
        o.put("accounts", accountCount);
        o.put("concurrency", concurrency);
        o.put("offeredRate", rate);
        o.put("nodes", clients.size());
        o.put("batch", batch);
        if (!sub.firstRejection().isEmpty()) {
            o.put("firstRejection", sub.firstRejection());
        }
        String nodeLine = "";
        if (during != null) {
            long cpuMicrosPerTx = l.length == 0 ? 0 : during.cpuNanos() / 1_000 / l.length;
            o.put("nodeCpuSeconds", Math.round(during.cpuNanos() / 1e6) / 1000.0);
            o.put("nodeCpuMicrosPerTx", cpuMicrosPerTx);
            o.put("viewChanges", during.viewChanges());
            nodeLine = String.format("; nodes' CPU %d µs per committed transaction, %d view changes", cpuMicrosPerTx, during.viewChanges());
        }
        new Printer(System.out, json.enabled()).print(o, String.format(
                "committed %d/%d transfers in %.2f s: %.1f tx/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (max %.1f ms)%s%s",
                l.length, txCount, seconds, tps, stats.p50Ms(), stats.p95Ms(), stats.p99Ms(), stats.maxMs(), nodeLine,
                sub.rejected() == 0 ? "" : "; " + sub.rejected() + " refused, first: " + sub.firstRejection()));
        return l.length == sub.accepted() ? 0 : 1;
    }

}
