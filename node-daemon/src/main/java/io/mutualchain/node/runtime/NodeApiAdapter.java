package io.mutualchain.node.runtime;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.AccountProof;
import io.mutualchain.ledger.EntryProof;
import io.mutualchain.ledger.EpochHandover;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.ledger.StoredBlock;
import io.mutualchain.ledger.Supply;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.rpc.AccountView;
import io.mutualchain.rpc.AssetView;
import io.mutualchain.rpc.BlockView;
import io.mutualchain.rpc.CallRequest;
import io.mutualchain.rpc.ContractCallView;
import io.mutualchain.rpc.ContractView;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.NodeApi;
import io.mutualchain.rpc.ProofView;
import io.mutualchain.rpc.ReceiptView;
import io.mutualchain.rpc.StatusView;
import io.mutualchain.rpc.SupplyView;
import io.mutualchain.rpc.TxView;
import io.mutualchain.rpc.ValidatorsView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/** Serves the wallet API's port from the ledger, the mempool and the engine's status. */
final class NodeApiAdapter implements NodeApi {
    private final String nodeName;
    private final Ledger ledger;
    private final Mempool mempool;
    private final LedgerAccounts accounts;
    private final LongSupplier view;
    private final BooleanSupplier validator;
    private final Consumer<Transaction> onAdmitted;
    private final TxAdmission admission;
    private final ReadOnlyCalls calls;

    NodeApiAdapter(String nodeName, Ledger ledger, Mempool mempool, LongSupplier view, BooleanSupplier validator,
                   Consumer<Transaction> onAdmitted, ReadOnlyCalls calls) {
        this.nodeName = nodeName;
        this.calls = calls;
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
                r.status() == Receipt.Status.SUCCESS, r.error(), r.feePaid(), r.contract() == null ? null : ContractViews.run(r.contract())));
    }

    @Override
    public Hash32 sendRawTransaction(byte[] raw) throws TxRejectedException {
        Transaction tx = admission.admit(raw, true);
        onAdmitted.accept(tx);
        return tx.id();
    }

    @Override
    public AccountView account(Address address) {
        Account a = ledger.account(address);
        return new AccountView(address, a.balance(), a.nonce(), a.level(), a.credit(), a.roles(), ledger.lockedAt(address));
    }

    @Override
    public Optional<AssetView> asset(Hash32 id, long from, int limit) {
        return ledger.assetHistory(id, from, limit).map(h -> {
            Asset a = h.asset();
            AssetView.Pending p = a.pending() == null ? null
                    : new AssetView.Pending(a.pending().event().code(), a.pending().requester(), a.pending().to(), a.pending().amount());
            AssetView.Credit c = a.credit() == null ? null : new AssetView.Credit(a.credit().creditor(), a.credit().amount());
            List<AssetView.Record> records = new ArrayList<>();
            for (AssetRecord r : h.records()) {
                records.add(new AssetView.Record(r.state().code(), r.input().code(), r.tx().txId(), r.tx().height(), r.tx().timeMs(),
                        r.tx().sender(), r.tx().from().code(), r.business()));
            }
            return new AssetView(a.id(), a.owner(), a.type(), a.amount(), a.state().code(), p, c, a.records(), h.from(), records);
        });
    }

    @Override
    public SupplyView supply() {
        Supply s = ledger.supply();
        return new SupplyView(s.height(), s.total(), s.locked(), s.circulating(), s.reserve(), s.feesPaid());
    }

    @Override
    public ProofView accountProof(Address address) {
        AccountProof p = ledger.proveAccount(address);
        return new ProofView("account", StateKeys.accountStateKey(address), p.treeValue().orElse(null), p.height(), p.stateRoot(),
                p.proof().encode());
    }

    @Override
    public ProofView assetProof(Hash32 id) {
        EntryProof p = ledger.proveAsset(id);
        return new ProofView("asset", p.stateKey(), p.value().orElse(null), p.height(), p.stateRoot(), p.proof().encode());
    }

    @Override
    public Optional<ContractView> contract(Address address) {
        return ledger.contract(address).map(c -> ContractViews.contract(c, ledger.account(address).balance()));
    }

    /** On a call worker, within the node's time cap; the gas cap is {@link #callGasMax()}, enforced here too. */
    @Override
    public ContractCallView call(CallRequest request, long gasLimit) {
        long gas = Math.min(gasLimit, calls.gasMax());
        byte[] args = ContractViews.encode(request.args());
        return ContractViews.run(calls.run(() -> ledger.call(request.from(), request.contract(), request.function(), args,
                request.value(), gas)));
    }

    @Override
    public long callGasMax() {
        return calls.gasMax();
    }

    /** The pending set is shown only while it is not yet in force at {@code height} (at the next height it may already be). */
    @Override
    public ValidatorsView validators(long height) {
        ValidatorEpoch epoch = ledger.epochAt(height);
        Optional<ValidatorsView.Pending> pending = ledger.pendingEpoch()
                .filter(p -> p.firstHeight() > height)
                .map(p -> new ValidatorsView.Pending(p.firstHeight(), p.validators()));
        return new ValidatorsView(height, epoch.base(), epoch.validators(), pending);
    }

    /**
     * Walks the epochs that started and the pending one, oldest first, and stops at the first whose
     * record or block {@code base} this node does not have yet, so the answer never has a gap.
     */
    @Override
    public List<HandoverView> validatorHandovers(long fromBase, int max) {
        List<Long> bases = new ArrayList<>();
        for (ValidatorEpoch e : ledger.epochs()) {
            if (e.base() > 0) {
                bases.add(e.base());
            }
        }
        ledger.pendingEpoch().filter(p -> bases.isEmpty() || p.base() > bases.get(bases.size() - 1)).ifPresent(p -> bases.add(p.base()));
        List<HandoverView> out = new ArrayList<>();
        for (long base : bases) {
            if (base < fromBase) {
                continue;
            }
            Optional<EpochHandover> h = ledger.handover(base);
            Optional<StoredBlock> block = ledger.blockByHeight(base);
            if (out.size() >= max || h.isEmpty() || block.isEmpty()) {
                break;
            }
            out.add(handoverView(h.get(), block.get()));
        }
        return out;
    }

    private static HandoverView handoverView(EpochHandover h, StoredBlock block) {
        ProofView proof = new ProofView("validators", StateKeys.validatorsKey(), h.scheduleEntryValue(), h.provenHeight(), h.stateRoot(),
                h.proof().encode());
        return new HandoverView(h.base(), block.block().header(), block.certificate(), proof, h.schedule().pending().orElseThrow().validators());
    }

    @Override
    public StatusView status() {
        return new StatusView(chainId(), nodeName, ledger.height(), ledger.lastBlockHash(), ledger.lastBlockTimeMs(),
                mempool.size(), validator.getAsBoolean(), view.getAsLong());
    }
}
