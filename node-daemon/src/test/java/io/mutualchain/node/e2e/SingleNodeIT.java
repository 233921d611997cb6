package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation's end-to-end promise, on a real node process with real RocksDB and real sockets:
 * a signed transfer sent through the CLI is committed with a receipt, bad transactions are refused
 * with a reason and the node keeps running, a second node on the same data is refused, and after a
 * restart the node serves the same block, balance and nonce.
 */
class SingleNodeIT {
    @TempDir
    Path tmp;

    @Test
    void aTransferIsCommittedRefusalsSayWhyAndEverythingSurvivesARestart() throws Exception {
        Path data = tmp.resolve("dev");
        int port = NodeProcess.freePort();
        String rpcUrl = "http://127.0.0.1:" + port;
        Path devKeyFile = data.resolve("developer.key.json");
        long height;
        String blockHash;
        Address friend;
        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            Cli.Result newKey = Cli.run("keys", "new", "--out", tmp.resolve("friend.key.json").toString(), "--json");
            assertThat(newKey.exitCode()).as(newKey.err()).isZero();
            friend = Address.parse(newKey.json().path("address").asText());

            Cli.Result sent = Cli.run("tx", "transfer", "--key", devKeyFile.toString(), "--to", friend.toString(),
                    "--amount", "12.5", "--rpc", rpcUrl, "--json");
            assertThat(sent.exitCode()).as(sent.err()).isZero();
            JsonNode result = sent.json();
            assertThat(result.path("status").asText()).isEqualTo("committed");
            JsonNode receipt = result.path("receipt");
            assertThat(receipt.path("success").asBoolean()).isTrue();
            height = receipt.path("height").asLong();
            assertThat(height).isPositive();

            RpcClient rpc = node.client();
            assertThat(rpc.call("mc_getAccount", friend.toString()).path("balance").asText()).isEqualTo("12.5");
            KeyPair dev = KeyFile.read(devKeyFile);
            assertThat(rpc.call("mc_getAccount", dev.address().toString()).path("nonce").asLong()).isEqualTo(1);
            blockHash = rpc.call("mc_getBlockByNumber", height).path("hash").asText();
            assertThat(blockHash).startsWith("0x");

            refusalsNameTheirReason(rpc, dev, friend, KeyFile.read(tmp.resolve("friend.key.json")));
            assertThat(node.isAlive()).isTrue();
            assertThat(rpc.call("mc_blockNumber").asLong()).isGreaterThanOrEqualTo(height);

            Cli.Result second = Cli.run("dev", "--data-dir", data.toString(), "--rpc-port", Integer.toString(NodeProcess.freePort()));
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("in use by another MutualChain process");

            Cli.Result badAddress = Cli.run("tx", "transfer", "--key", devKeyFile.toString(), "--to", "mc1234",
                    "--amount", "1", "--rpc", rpcUrl);
            assertThat(badAddress.exitCode()).isEqualTo(1);
            assertThat(badAddress.err()).startsWith("error: --to:");

            // SIGTERM, as Ctrl-C or a service manager sends it: the JVM reports 128 + 15 after the shutdown hook ran.
            assertThat(node.stop()).as("exit code after SIGTERM").isEqualTo(143);
            assertThat(node.log()).contains("stopped cleanly").doesNotContain("ERROR");
        }

        try (NodeProcess node = NodeProcess.startDev(data, port, tmp.resolve("logs"))) {
            RpcClient rpc = node.client();
            assertThat(rpc.call("mc_getBlockByNumber", height).path("hash").asText()).isEqualTo(blockHash);
            assertThat(rpc.call("mc_getAccount", friend.toString()).path("balance").asText()).isEqualTo("12.5");
            KeyPair dev = KeyFile.read(devKeyFile);
            assertThat(rpc.call("mc_getAccount", dev.address().toString()).path("nonce").asLong()).isEqualTo(1);
            Cli.Result status = Cli.run("status", "--rpc", rpcUrl, "--json");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.json().path("height").asLong()).isGreaterThanOrEqualTo(height);
        }
    }

    private static void refusalsNameTheirReason(RpcClient rpc, KeyPair dev, Address friend, KeyPair friendKey) {
        String chain = "mutualchain-dev";
        long fee = Mtn.parse("0.01");

        Transaction good = Transaction.sign(chain, dev, 1, fee, new Transfer(friend, Mtn.UNIT));
        byte[] sig = good.signature().toBytes();
        sig[0] ^= 1;
        Transaction forged = Transaction.of(chain, dev.publicKey(), 1, fee, good.payload(), Signature.of(sig));
        assertRefused(rpc, forged, "BAD_SIGNATURE", "signature");

        Transaction replay = Transaction.sign(chain, dev, 0, fee, new Transfer(friend, 2 * Mtn.UNIT));
        assertRefused(rpc, replay, "NONCE_TOO_LOW", "nonce 0");

        Transaction otherChain = Transaction.sign("some-other-chain", dev, 1, fee, new Transfer(friend, Mtn.UNIT));
        assertRefused(rpc, otherChain, "WRONG_CHAIN", "some-other-chain");

        Transaction tooMuch = Transaction.sign(chain, friendKey, 0, fee, new Transfer(dev.address(), 1_000 * Mtn.UNIT));
        assertRefused(rpc, tooMuch, "INSUFFICIENT_BALANCE", "balance");

        RpcException malformed = catchThrowableOfType(() -> rpc.call("mc_sendRawTransaction", "0xzz12"), RpcException.class);
        assertThat(malformed.code()).isEqualTo(-32602);
        assertThat(malformed.getMessage()).containsIgnoringCase("hex");
    }

    private static void assertRefused(RpcClient rpc, Transaction tx, String reason, String mentions) {
        RpcException e = catchThrowableOfType(() -> rpc.call("mc_sendRawTransaction", "0x" + Hex.encode(tx.encode())), RpcException.class);
        assertThat(e).as("expected refusal " + reason).isNotNull();
        assertThat(e.data().path("reason").asText()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(mentions);
    }
}
