package io.mutualchain.rpc;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.subscribe.ChainEvents;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The in-memory node of the subscription tests and the signal that tells a server's hub about each
 * block it commits: a sender, a recipient, two contracts, and helpers that commit blocks whose
 * receipts carry contract events.
 */
public final class SubscribedChain {
    public final KeyPair alice = KeyPair.fromSeed(filled(1));
    public final Address bob = KeyPair.fromSeed(filled(2)).address();
    public final Address contractA = KeyPair.fromSeed(filled(3)).address();
    public final Address contractB = KeyPair.fromSeed(filled(4)).address();
    public final ChainEvents chain = new ChainEvents();
    public final FakeNodeApi node = new FakeNodeApi();
    private long nonce;

    private static byte[] filled(int b) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return seed;
    }

    /** Commits the node's pending transactions (often none) and signals the height. */
    public long commitEmptyBlock() {
        long h = node.commitPending().block().height();
        chain.committed(h);
        return h;
    }

    /** Commits {@code txs}, the i-th with contract run {@code runs.get(i)} (runs may be null), and signals the height. */
    public long commit(List<Transaction> txs, List<ContractCallView> runs) {
        long h = node.commitBlock(txs, (i, blockHash) -> new ReceiptView(txs.get(i).id(), node.blockNumber() + 1, i, blockHash, true, null,
                FakeNodeApi.BASE_FEE, runs == null ? null : runs.get(i))).block().height();
        chain.committed(h);
        return h;
    }

    /** A transaction from alice with her next nonce. */
    public Transaction signed(TxPayload payload) {
        return Transaction.sign(FakeNodeApi.CHAIN_ID, alice, nonce++, FakeNodeApi.BASE_FEE, payload);
    }

    /** A successful contract run that emitted one event of {@code contract} with {@code topic}. */
    public static ContractCallView emitted(Address contract, String topic) {
        return new ContractCallView("SUCCESS", 10, List.of(),
                List.of(new ContractCallView.Event(contract, List.of(topic.getBytes(StandardCharsets.UTF_8)), new byte[] {7})),
                new byte[0], "", null);
    }
}
