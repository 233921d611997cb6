package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.StatelessChecks;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.rpc.AccountView;
import io.mutualchain.rpc.BlockView;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.ReceiptView;
import io.mutualchain.rpc.StatusView;
import io.mutualchain.rpc.TxView;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Serves the wallet API's port from the ledger, the mempool and the engine's status. */
final class NodeApiAdapter implements NodeApi {
    private final String nodeName;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;
    private final LongSupplier view;
    private final boolean validator;
    private final Consumer<Transaction> onAdmitted;
    private final TxAdmission admission;

    NodeApiAdapter(String nodeName, Ledger ledger, Mempool mempool, LongSupplier view, boolean validator,
                   Consumer<Transaction> onAdmitted) {
        this.nodeName = nodeName;
        this.ledger = ledger;
        this.mempool = mempool;
        this.accounts = new LedgerAccounts(ledger);
        this.view = view;
        this.validator = validator;
        this.onAdmitted = onAdmitted;
        this.admission = new TxAdmission(ledger.genesis(), ledger, mempool);
    }

    @Override
    public String chainId() {
        return ledger.genesis().chainId();
    }

    @Override
    public long blockNumber() {
        return ledger.height();
    }

    @Override
    public Optional<BlockView> blockByNumber(long height) {
        return ledger.blockByHeight(height).map(b -> new BlockView(b.block(), b.certificate()));
    }

    @Override
    public Optional<BlockView> blockByHash(Hash32 hash) {
        return ledger.blockByHash(hash).map(b -> new BlockView(b.block(), b.certificate()));
    }

    @Override
    public Optional<TxView> transaction(Hash32 id) {
        return ledger.transaction(id).map(t -> new TxView(t.tx(), t.height(), t.index(), t.blockHash()));
    }

    @Override
    public Optional<ReceiptView> receipt(Hash32 txId) {
        return ledger.receipt(txId).map(r -> new ReceiptView(r.txId(), r.height(), r.index(), r.blockHash(),
                r.status() == Receipt.Status.SUCCESS, r.error(), r.feePaid()));
    }

    @Override
    public Hash32 sendRawTransaction(byte[] raw) throws TxRejectedException {
        Transaction tx = admission.admit(raw);
        onAdmitted.accept(tx);
        return tx.id();
    }

    @Override
    public AccountView account(Address address) {
        Account a = ledger.account(address);
        return new AccountView(address, a.balance(), a.nonce());
    }

    @Override
    public StatusView status() {
        return new StatusView(chainId(), nodeName, ledger.height(), ledger.lastBlockHash(), ledger.lastBlockTimeMs(),
                mempool.size(), validator, view.getAsLong());
    }
}
