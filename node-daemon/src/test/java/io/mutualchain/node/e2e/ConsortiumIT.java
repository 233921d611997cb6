package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.rpc.RpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 4-validator consortium of real processes on loopback, started with {@code testnet} and
 * {@code start --config}, taken through the faults an operator meets: a follower killed with
 * SIGKILL, the primary killed, a node paused past the view-change timeout, every node killed at
 * once, an observer that joins late and syncs from genesis, and a stranger whose key is on no
 * allow-list. After each step every node agrees on every block hash up to the lowest height.
 */
class ConsortiumIT {
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final List<Integer> VALIDATORS = List.of(0, 1, 2, 3);
    private static final int OBSERVER = 4;

    @TempDir
    Path tmp;

    private long faucetNonce;

    @Test
    void aConsortiumKeepsOneChainThroughCrashesPausesARestartAndLateJoiners() throws Exception {
        try (Cluster c = Cluster.create(tmp.resolve("net"), 4, 1)) {
            KeyPair faucet = KeyFile.read(c.faucetKey());
            for (int i : VALIDATORS) {
                c.start(i);
            }
            c.awaitAnswering(VALIDATORS);
            c.awaitHeight(VALIDATORS, 2, STEP);

            // Steady commits: transactions sent to a follower reach the primary by gossip.
            List<Transaction> early = sendAndAwait(c, 1, faucet, 10);
            c.assertAgreement(VALIDATORS);

            // A follower killed with SIGKILL: the others keep committing; restarted, it catches up.
            c.kill(3);
            sendAndAwait(c, 1, faucet, 5);
            c.start(3);
            c.awaitAnswering(List.of(3));
            long target = c.height(1);
            c.awaitHeight(VALIDATORS, target, STEP);
            c.assertAgreement(VALIDATORS);

            // The primary killed: a view change elects another and commits resume.
            long view = c.status(1).path("view").asLong();
            int primary = (int) (view % 4);
            int other = (primary + 1) % 4;
            c.kill(primary);
            sendAndAwait(c, other, faucet, 5);
            assertThat(c.status(other).path("view").asLong()).as("view after the primary died").isGreaterThan(view);
            c.start(primary);
            c.awaitAnswering(List.of(primary));
            c.awaitHeight(VALIDATORS, c.height(other), STEP);
            c.assertAgreement(VALIDATORS);

            // A node paused (SIGSTOP) for longer than the view-change timeout, then resumed.
            int paused = (int) ((c.status(other).path("view").asLong() + 2) % 4);
            int live = (paused + 1) % 4;
            c.signal(paused, "STOP");
            sendAndAwait(c, live, faucet, 5);
            Thread.sleep(3_000);
            c.signal(paused, "CONT");
            c.awaitHeight(VALIDATORS, c.height(live), STEP);
            c.assertAgreement(VALIDATORS);

            // Every node killed at once, then restarted: the chain resumes with nothing lost.
            long before = c.assertAgreement(VALIDATORS);
            String hashBefore = c.blockHash(0, before);
            for (int i : VALIDATORS) {
                c.kill(i);
            }
            for (int i : VALIDATORS) {
                c.start(i);
            }
            c.awaitAnswering(VALIDATORS);
            c.awaitHeight(VALIDATORS, before + 1, STEP);
            assertThat(c.blockHash(2, before)).isEqualTo(hashBefore);
            for (Transaction tx : early) {
                assertThat(c.rpc(3).receipt(tx.id())).as("receipt of " + tx.id() + " after the restart").isPresent();
            }
            sendAndAwait(c, 0, faucet, 3);
            c.assertAgreement(VALIDATORS);

            // An observer that starts late syncs from genesis, serves the chain and never votes.
            c.start(OBSERVER);
            c.awaitAnswering(List.of(OBSERVER));
            long head = c.height(0);
            c.awaitHeight(List.of(OBSERVER), head, STEP);
            List<Integer> all = List.of(0, 1, 2, 3, OBSERVER);
            c.assertAgreement(all);
            assertThat(c.status(OBSERVER).path("validator").asBoolean()).isFalse();
            List<Transaction> viaObserver = sendAndAwait(c, OBSERVER, faucet, 3);
            assertThat(c.rpc(0).receipt(viaObserver.get(0).id())).isPresent();
            c.await("observer ready", STEP, () -> status(c, OBSERVER, "/ready") == 200);
            assertThat(c.metrics(0)).contains("mc_height ").contains("mc_peers 4");

            strangerCannotJoin(c);
            c.assertAgreement(all);
        }
    }

    private void strangerCannotJoin(Cluster c) throws Exception {
        Path dir = tmp.resolve("stranger");
        KeyPair key = KeyPair.generate();
        KeyFile.write(dir.resolve("node.key.json"), key);
        NodeConfig template = NodeConfigFile.read(c.members().get(3).config());
        int base = NodeProcess.freePort();
        NodeConfig stranger = new NodeConfig("stranger", dir.resolve("data"), template.genesisFile(), dir.resolve("node.key.json"),
                template.rpcHost(), NodeProcess.freePort(), template.tickMs(), template.emptyBlockIntervalMs(), template.mempool(),
                template.p2pHost(), base, template.peers(), NodeProcess.freePort());
        Path config = dir.resolve("config.json");
        NodeConfigFile.write(config, stranger);
        Process p = new ProcessBuilder(NodeProcess.command("start", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile()).start();
        try {
            RpcClient rpc = new RpcClient(java.net.URI.create("http://127.0.0.1:" + stranger.rpcPort()), Duration.ofSeconds(5));
            c.await("stranger answers JSON-RPC", STEP, () -> {
                try {
                    rpc.blockNumber();
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
            long head = c.height(0);
            Thread.sleep(3_000);
            assertThat(rpc.blockNumber()).as("a node no one allows learns no blocks").isZero();
            assertThat(head).isPositive();
            assertThat(c.metrics(0)).contains("mc_peers 4");
        } finally {
            ProcessStops.kill(p, "the stranger node (log " + dir.resolve("node.log") + ")");
        }
    }

    private static int status(Cluster c, int i, String path) {
        try {
            return c.httpStatus(i, path);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Sends {@code count} transfers from the faucet through node {@code via} and waits until each is committed. */
    private List<Transaction> sendAndAwait(Cluster c, int via, KeyPair faucet, int count) throws Exception {
        RpcClient rpc = c.rpc(via);
        String chain = rpc.chainId();
        faucetNonce = Math.max(faucetNonce, rpc.account(faucet.address()).nonce());
        List<Transaction> sent = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Transaction tx = Transaction.sign(chain, faucet, faucetNonce++, Mtn.parse("0.01"),
                    new Transfer(KeyPair.generate().address(), Mtn.UNIT));
            rpc.sendRawTransaction(tx.encode());
            sent.add(tx);
        }
        for (Transaction tx : sent) {
            rpc.waitForReceipt(tx.id(), STEP);
        }
        return sent;
    }
}
