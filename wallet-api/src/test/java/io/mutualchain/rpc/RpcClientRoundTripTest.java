package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxRejection.Reason;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java SDK against a real server on loopback, backed by an in-memory node. */
class RpcClientRoundTripTest {
    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(20);
    private final KeyPair alice = KeyPair.fromSeed(filled(1));
    private final Address bob = KeyPair.fromSeed(filled(2)).address();
    private FakeNodeApi node;
    private RpcServer server;
    private RpcClient client;

    private static byte[] filled(int b) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return seed;
    }

    @BeforeEach
    void start() throws Exception {
        node = new FakeNodeApi();
        node.fund(alice.address(), Mtn.parse("100"));
        server = new RpcServer(RpcConfig.of("127.0.0.1", 0), node);
        server.start();
        client = new RpcClient(server.uri());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Transaction transfer(long nonce, long amount) {
        return Transaction.sign(FakeNodeApi.CHAIN_ID, alice, nonce, FakeNodeApi.BASE_FEE, new Transfer(bob, amount));
    }

    @Test
    void theClientReadsChainIdBlockNumberHealthAndStatus() throws Exception {
        assertThat(client.chainId()).isEqualTo(FakeNodeApi.CHAIN_ID);
        assertThat(client.blockNumber()).isZero();
        assertThat(client.health().path("status").asText()).isEqualTo("ok");
        JsonNode status = client.status();
        assertThat(status.path("nodeName").asText()).isEqualTo("fake-node");
        assertThat(status.path("validator").asBoolean()).isTrue();
        assertThat(status.path("lastBlockHash").asText()).isEqualTo("0x" + Hash32.ZERO.toHex());
    }

    @Test
    void aTransferIsSentCommittedAndItsReceiptAwaitedByPolling() throws Exception {
        node.commitAfterReceiptPolls(2);
        Transaction tx = transfer(0, Mtn.parse("12.5"));

        Hash32 id = client.sendTransaction(tx);
        assertThat(id).isEqualTo(tx.id());
        JsonNode receipt = client.waitForReceipt(id, RECEIPT_WAIT);

        assertThat(receipt.path("txId").asText()).isEqualTo(tx.id().toString());
        assertThat(receipt.path("success").asBoolean()).isTrue();
        assertThat(receipt.path("height").asLong()).isEqualTo(1);
        assertThat(receipt.path("feePaid").asText()).isEqualTo("0.00001");
        assertThat(client.blockNumber()).isEqualTo(1);
        assertThat(client.account(bob)).isEqualTo(new AccountInfo(bob, Mtn.parse("12.5"), 0));
        assertThat(client.account(alice.address()).nonce()).isEqualTo(1);
        assertThat(client.account(alice.address()).balance()).isEqualTo(Mtn.parse("100") - Mtn.parse("12.5") - FakeNodeApi.BASE_FEE);
    }

    @Test
    void aCommittedTransferCanBeReadBackAsTransactionAndInItsBlock() throws Exception {
        Transaction tx = transfer(0, Mtn.parse("1"));
        client.sendRawTransaction(tx.encode());
        BlockView committed = node.commitPending();

        JsonNode t = client.transaction(tx.id()).orElseThrow();
        assertThat(t.path("from").asText()).isEqualTo(alice.address().toString());
        assertThat(t.path("to").asText()).isEqualTo(bob.toString());
        assertThat(t.path("amount").asText()).isEqualTo("1");
        assertThat(t.path("raw").asText()).isEqualTo(JsonViews.hex(tx.encode()));
        assertThat(t.path("blockHash").asText()).isEqualTo(committed.block().hash().toString());

        JsonNode byNumber = client.block(1).orElseThrow();
        assertThat(byNumber.path("transactions").get(0).asText()).isEqualTo(tx.id().toString());
        JsonNode full = client.blockByHash(committed.block().hash(), true).orElseThrow();
        assertThat(full.path("transactions").get(0).path("id").asText()).isEqualTo(tx.id().toString());
        assertThat(full.path("certificate").path("signatures")).hasSize(1);
        assertThat(client.latestBlock(false).orElseThrow()).isEqualTo(byNumber);
    }

    @Test
    void unknownBlocksTransactionsAndReceiptsAreEmptyNotErrors() throws Exception {
        Hash32 unknown = Hash32.of(filled(7));
        assertThat(client.block(5)).isEmpty();
        assertThat(client.latestBlock(true)).isEmpty();
        assertThat(client.blockByHash(unknown, false)).isEmpty();
        assertThat(client.transaction(unknown)).isEmpty();
        assertThat(client.receipt(unknown)).isEmpty();
    }

    @Test
    void aReplayedNonceIsRefusedWithItsTypedReason() throws Exception {
        client.sendTransaction(transfer(0, 1));
        node.commitPending();
        assertThatThrownBy(() -> client.sendTransaction(transfer(0, 2)))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(TxRejectionCodes.code(Reason.NONCE_TOO_LOW));
                    assertThat(e.rejectionReason()).hasValue(Reason.NONCE_TOO_LOW);
                    assertThat(e.getMessage()).contains("nonce 0");
                    assertThat(e.data().path("reason").asText()).isEqualTo("NONCE_TOO_LOW");
                });
    }

    @Test
    void everyAdmissionRefusalKeepsItsCodeMessageAndReason() throws Exception {
        Transaction good = transfer(0, 1);
        Transaction forged = Transaction.of(FakeNodeApi.CHAIN_ID, alice.publicKey(), 0, FakeNodeApi.BASE_FEE,
                new Transfer(bob, 1), Signature.of(new byte[64]));
        Map<Reason, byte[]> cases = Map.of(
                Reason.MALFORMED, new byte[] {1, 2, 3},
                Reason.BAD_SIGNATURE, forged.encode(),
                Reason.WRONG_CHAIN, Transaction.sign("other-chain", alice, 0, FakeNodeApi.BASE_FEE, new Transfer(bob, 1)).encode(),
                Reason.FEE_TOO_LOW, Transaction.sign(FakeNodeApi.CHAIN_ID, alice, 0, 1, new Transfer(bob, 1)).encode(),
                Reason.NONCE_TOO_HIGH, transfer(3, 1).encode(),
                Reason.INSUFFICIENT_BALANCE, transfer(0, Mtn.parse("100")).encode(),
                Reason.TOO_LARGE, new byte[FakeNodeApi.MAX_TX_BYTES + 1]);
        for (Map.Entry<Reason, byte[]> c : cases.entrySet()) {
            assertThatThrownBy(() -> client.sendRawTransaction(c.getValue())).as(c.getKey().name())
                    .isInstanceOfSatisfying(RpcException.class, e -> {
                        assertThat(e.code()).isEqualTo(TxRejectionCodes.code(c.getKey()));
                        assertThat(e.rejectionReason()).hasValue(c.getKey());
                        assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
                    });
        }
        client.sendTransaction(good);
        assertThatThrownBy(() -> client.sendTransaction(good))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.rejectionReason()).hasValue(Reason.DUPLICATE));
        assertThat(node.mempoolSize()).isEqualTo(1);
    }

    @Test
    void paramsMayBeGivenByName() throws Exception {
        client.sendTransaction(transfer(0, 1));
        node.commitPending();
        JsonNode block = client.callNamed("mc_getBlockByNumber", Map.of("height", 1, "fullTransactions", true));
        assertThat(block.path("transactions").get(0).path("kind").asText()).isEqualTo("transfer");
        JsonNode account = client.callNamed("mc_getAccount", Map.of("address", bob.toString()));
        assertThat(account.path("balanceUnits").asText()).isEqualTo("1");
    }

    @Test
    void aMalformedParamIsAnInvalidParamsErrorNamingIt() throws Exception {
        String mistyped = bob.toString().substring(0, 49) + (bob.toString().endsWith("0") ? "1" : "0");
        assertThatThrownBy(() -> client.call("mc_getAccount", mistyped))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(-32602);
                    assertThat(e.getMessage()).contains("'address'").contains("checksum");
                    assertThat(e.data().path("param").asText()).isEqualTo("address");
                });
    }

    @Test
    void aTimedOutWaitSaysWhichTransactionIsStillPending() throws Exception {
        node.commitAfterReceiptPolls(Integer.MAX_VALUE);
        Hash32 id = client.sendTransaction(transfer(0, 1));
        assertThatThrownBy(() -> client.waitForReceipt(id, Duration.ZERO))
                .isInstanceOf(ReceiptTimeoutException.class)
                .hasMessageContaining(id.toString());
    }
}
