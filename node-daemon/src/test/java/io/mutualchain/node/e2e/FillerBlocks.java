package io.mutualchain.node.e2e;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.RpcClient;
import java.time.Duration;

/**
 * Moves a quiet dev node ({@link NodeProcess#startQuietDev}) to a height a scenario needs. On such
 * a node the height moves only when a transaction commits, so a contract whose terms are counted in
 * blocks sees exactly the heights the test makes, however slow the machine: a deadline passes when
 * the test sends these filler transfers, never while a CLI process is starting. Each filler is a
 * 1-base-unit transfer from the payer (whose balance no scenario books) to an address nothing else
 * uses, sent one at a time and waited for, so the chain never runs past what was asked by more
 * than the blocks other senders make meanwhile.
 */
final class FillerBlocks {
    /** Longest wait for one filler transfer's receipt. */
    static final Duration RECEIPT_WAIT = Duration.ofSeconds(60);
    private static final long MAX_FEE = Mtn.parse("0.01");

    private final RpcClient client;
    private final KeyPair payer;
    private final Address sink = KeyPair.generate().address();

    FillerBlocks(RpcClient client, KeyPair payer) {
        this.client = client;
        this.payer = payer;
    }

    /** Sends filler transfers, one block each at most, until the tip is at least {@code target}; returns the tip. */
    long advanceTo(long target) throws Exception {
        String chain = client.chainId();
        long tip = client.blockNumber();
        while (tip < target) {
            long nonce = client.account(payer.address()).nonce();
            Transaction tx = Transaction.sign(chain, payer, nonce, MAX_FEE, new Transfer(sink, 1));
            client.sendRawTransaction(tx.encode());
            long committed = client.waitForReceipt(tx.id(), RECEIPT_WAIT).path("height").asLong();
            tip = Math.max(committed, client.blockNumber());
        }
        return tip;
    }
}
