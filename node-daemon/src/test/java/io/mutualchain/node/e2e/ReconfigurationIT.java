package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.rpc.RpcClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator-set changes on real processes, the way an operator makes them: a consortium of four
 * validators and one observer (checkpoint every 10 blocks). With one validator down, the other
 * three vote the observer in with {@code gov add-validator}; from the first height after the next
 * checkpoint it votes (five validators need four votes, so nothing commits without it), and the
 * validator that was down restarts below the change, catches up across it and votes in the new
 * set. Then a validator stops and the other four vote it out with {@code gov remove-validator};
 * restarted, it follows as an observer. After every step the nodes agree on every block.
 */
class ReconfigurationIT {
    private static final Duration STEP = Duration.ofSeconds(90);
    private static final int K = 10;
    private static final List<Integer> ALL = List.of(0, 1, 2, 3, 4);
    private static final int JOINER = 4;

    @TempDir
    Path tmp;

    private long faucetNonce;

    @Test
    void aNodeVotedInSyncsThenVotesAndAValidatorVotedOutFollowsAsAnObserver() throws Exception {
        try (Cluster c = Cluster.create(tmp.resolve("net"), 4, 1, "--checkpoint-interval", Integer.toString(K))) {
            try {
                scenario(c);
            } catch (Throwable t) {
                Path logs = Path.of("target", "it-logs", getClass().getSimpleName());
                c.saveLogs(logs);
                throw new AssertionError(t.getMessage() + " (whole node logs in " + logs.toAbsolutePath() + ")", t);
            }
        }
    }

    private void scenario(Cluster c) throws Exception {
        for (int i : ALL) {
            c.start(i);
        }
        c.awaitAnswering(ALL);
        c.awaitHeight(ALL, 2, STEP);
        assertThat(c.status(JOINER).path("validator").asBoolean()).isFalse();
        KeyPair faucet = KeyFile.read(c.faucetKey());
        List<Address> voters = new ArrayList<>();
        for (int i : ALL) {
            voters.add(key(c, i).address());
        }
        fund(c, faucet, voters); // votes pay the base fee like any transaction

        // Validator 2 is down while the others (a quorum of four, 2f + 1 = 3) vote the observer in.
        c.kill(2);
        String joinerKey = key(c, JOINER).publicKey().toHex();
        JsonNode approved = null;
        for (int v : List.of(0, 1, 3)) {
            approved = vote(c, v, "add-validator", "--pubkey", joinerKey, "--name", "node4");
        }
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        long firstHeight = approved.path("effectiveHeight").asLong();
        assertThat((firstHeight - 1) % K).as("the new set takes over after a checkpoint height").isZero();

        // Five validators need four votes: 0, 1, 3 and the joiner, which has synced and now votes.
        c.awaitHeight(List.of(0, 1, 3, JOINER), firstHeight + 1, STEP);
        c.await("the joiner votes", STEP, () -> isValidator(c, JOINER));
        assertThat(validators(c, 0).path("validators")).hasSize(5);
        sendAndAwait(c, JOINER, faucet, 3);

        // Validator 2 restarts below the change, catches up across it and votes in the set of five.
        c.start(2);
        c.awaitAnswering(List.of(2));
        c.awaitHeight(List.of(2), c.height(0), STEP);
        c.await("validator 2 votes again", STEP, () -> isValidator(c, 2));

        // Validator 3 stops: 0, 1, 2 and the joiner are exactly a quorum, so every commit now carries the joiner's vote.
        c.kill(3);
        sendAndAwait(c, 0, faucet, 3);

        // They vote validator 3 out; the set of four takes over after the next checkpoint.
        String goneKey = key(c, 3).publicKey().toHex();
        JsonNode removed = null;
        for (int v : List.of(0, 1, 2, JOINER)) {
            removed = vote(c, v, "remove-validator", "--pubkey", goneKey);
        }
        assertThat(removed.path("status").asText()).isEqualTo("approved");
        long secondHeight = removed.path("effectiveHeight").asLong();
        List<Integer> remaining = List.of(0, 1, 2, JOINER);
        c.awaitHeight(remaining, secondHeight + 1, STEP);
        sendAndAwait(c, 1, faucet, 3);

        // Restarted, the removed validator follows as an observer and relays transactions.
        c.start(3);
        c.awaitAnswering(List.of(3));
        c.awaitHeight(List.of(3), c.height(0), STEP);
        assertThat(c.status(3).path("validator").asBoolean()).as("a removed validator does not vote").isFalse();
        JsonNode after = validators(c, 3);
        assertThat(after.path("validators")).hasSize(4);
        assertThat(after.toString()).doesNotContain(goneKey).contains(joinerKey);
        sendAndAwait(c, 3, faucet, 2);
        c.assertAgreement(ALL);
    }

    private static KeyPair key(Cluster c, int i) throws Exception {
        return KeyFile.read(NodeConfigFile.read(c.members().get(i).config()).keyFile());
    }

    private static boolean isValidator(Cluster c, int i) {
        try {
            return c.status(i).path("validator").asBoolean();
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode vote(Cluster c, int voter, String command, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gov", command, "--key",
                NodeConfigFile.read(c.members().get(voter).config()).keyFile().toString(),
                "--rpc", c.members().get(voter).rpc().toString(), "--json"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as("gov " + command + " by node " + voter + ": " + r.err()).isZero();
        return r.json();
    }

    private static JsonNode validators(Cluster c, int via) throws Exception {
        Cli.Result r = Cli.run("validators", "--rpc", c.members().get(via).rpc().toString(), "--json");
        assertThat(r.exitCode()).as("validators: " + r.err()).isZero();
        return r.json();
    }

    private void fund(Cluster c, KeyPair faucet, List<Address> to) throws Exception {
        RpcClient rpc = c.rpc(0);
        String chain = rpc.chainId();
        faucetNonce = Math.max(faucetNonce, rpc.account(faucet.address()).nonce());
        List<Transaction> sent = new ArrayList<>();
        for (Address a : to) {
            Transaction tx = Transaction.sign(chain, faucet, faucetNonce++, Mtn.parse("0.01"), new Transfer(a, 10 * Mtn.UNIT));
            rpc.sendRawTransaction(tx.encode());
            sent.add(tx);
        }
        for (Transaction tx : sent) {
            rpc.waitForReceipt(tx.id(), STEP);
        }
    }

    private void sendAndAwait(Cluster c, int via, KeyPair faucet, int count) throws Exception {
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
    }
}
