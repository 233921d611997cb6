package io.mutualchain.node.bench;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.cli.UserError;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import io.mutualchain.core.bytes.Hex;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bench's accounts and transactions: funding from one key, then transfers pre-signed in nonce order. */
final class BenchPlan {
    /** Most fee each bench transaction offers; the chain charges its base fee. */
    static final long MAX_FEE = Mtn.parse("0.001");
    /** Each bench transfer moves one base unit back to the funder. */
    static final long AMOUNT = 1;
    /** Funding transfers in flight at once, below the mempool's per-sender limit. */
    static final int FUNDING_BATCH = 500;
    static final Duration FUNDING_TIMEOUT = Duration.ofSeconds(180);

    private final String chainId;
    private final KeyPair funder;
    private final List<KeyPair> accounts;
    private final int txCount;

    private BenchPlan(String chainId, KeyPair funder, List<KeyPair> accounts, int txCount) {
        this.chainId = chainId;
        this.funder = funder;
        this.accounts = accounts;
        this.txCount = txCount;
    }

    static BenchPlan create(String chainId, KeyPair funder, int accountCount, int txCount) {
        SecureRandom random = new SecureRandom();
        List<KeyPair> keys = new ArrayList<>(accountCount);
        for (int i = 0; i < accountCount; i++) {
            keys.add(KeyPair.generate(random));
        }
        return new BenchPlan(chainId, funder, keys, txCount);
    }

    int perAccount() {
        return (txCount + accounts.size() - 1) / accounts.size();
    }

    /** Sends one funding transfer per account from the funder and waits until all are committed. */
    void fund(RpcClient rpc) throws IOException, RpcException {
        long nonce = rpc.account(funder.address()).nonce();
        long each = (long) perAccount() * (AMOUNT + MAX_FEE) + Mtn.UNIT / 100;
        Transaction last = null;
        for (int i = 0; i < accounts.size(); i++) {
            if (i > 0 && i % FUNDING_BATCH == 0) {
                rpc.waitForReceipt(last.id(), FUNDING_TIMEOUT);
            }
            Transaction tx = Transaction.sign(chainId, funder, nonce + i, MAX_FEE, new Transfer(accounts.get(i).address(), each));
            try {
                rpc.sendRawTransaction(tx.encode());
            } catch (RpcException e) {
                throw new UserError("funding transfer " + i + " refused: " + e.getMessage()
                        + " (does --key hold enough MTN? it needs about " + Mtn.format(each * accounts.size()) + ")");
            }
            last = tx;
        }
        rpc.waitForReceipt(last.id(), FUNDING_TIMEOUT);
        for (KeyPair k : accounts) {
            if (rpc.account(k.address()).balance() < each) {
                throw new UserError("bench account " + k.address() + " was not funded");
            }
        }
    }

    /** For each account, its transfers in nonce order (nonces start at 0: the accounts are new). */
    List<List<Transaction>> signTransfers() {
        List<List<Transaction>> out = new ArrayList<>(accounts.size());
        for (int a = 0; a < accounts.size(); a++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < txCount; i++) {
            int a = i % accounts.size();
            long nonce = i / accounts.size();
            out.get(a).add(Transaction.sign(chainId, accounts.get(a), nonce, MAX_FEE, new Transfer(funder.address(), AMOUNT)));
        }
        return out;
    }

    static String hex(Transaction tx) {
        return "0x" + Hex.encode(tx.encode());
    }
}
