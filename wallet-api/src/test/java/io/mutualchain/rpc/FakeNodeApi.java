package io.mutualchain.rpc;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.StatelessChecks;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory node for tests: one validator, balances, nonces, a mempool. Admission runs the real
 * stateless checks then nonce and balance checks, as the daemon will. Pending transactions are
 * committed into a block (with a real commit certificate) after {@link #receiptPollsBeforeCommit}
 * receipt queries, so a client's polling is exercised without any clock.
 */
public final class FakeNodeApi implements NodeApi {
    public static final String CHAIN_ID = "mc-test";
    public static final long BASE_FEE = 1_000;
    public static final int MAX_TX_BYTES = 4096;
    public static final long GENESIS_TIME_MS = 1_700_000_000_000L;

    public final KeyPair validator = KeyPair.fromSeed(new byte[32]);
    private final Map<Address, Long> balances = new HashMap<>();
    private final Map<Address, Long> nonces = new HashMap<>();
    private final List<Transaction> mempool = new ArrayList<>();
    private final List<BlockView> blocks = new ArrayList<>();
    private final Map<Hash32, TxView> txs = new HashMap<>();
    private final Map<Hash32, ReceiptView> receipts = new HashMap<>();
    private int receiptPollsBeforeCommit = 0;
    private int pollsSinceSend;
    private volatile RuntimeException statusFailure;

    public synchronized void fund(Address a, long units) {
        balances.merge(a, units, Long::sum);
    }

    /** Receipt queries that see "not yet" before the pending transactions are committed. */
    public synchronized void commitAfterReceiptPolls(int polls) {
        receiptPollsBeforeCommit = polls;
    }

    /** Makes status() throw, to check that internal failures do not leak. */
    public void failStatusWith(RuntimeException e) {
        statusFailure = e;
    }

    public synchronized int mempoolSize() {
        return mempool.size();
    }

    @Override
    public String chainId() {
        return CHAIN_ID;
    }

    @Override
    public synchronized long blockNumber() {
        return blocks.size();
    }

    @Override
    public synchronized Optional<BlockView> blockByNumber(long height) {
        return height >= 1 && height <= blocks.size() ? Optional.of(blocks.get((int) height - 1)) : Optional.empty();
    }

    @Override
    public synchronized Optional<BlockView> blockByHash(Hash32 hash) {
        return blocks.stream().filter(b -> b.block().hash().equals(hash)).findFirst();
    }

    @Override
    public synchronized Optional<TxView> transaction(Hash32 id) {
        return Optional.ofNullable(txs.get(id));
    }

    @Override
    public synchronized Optional<ReceiptView> receipt(Hash32 txId) {
        if (!mempool.isEmpty() && ++pollsSinceSend > receiptPollsBeforeCommit) {
            commitPending();
        }
        return Optional.ofNullable(receipts.get(txId));
    }

    @Override
    public synchronized Hash32 sendRawTransaction(byte[] raw) throws TxRejectedException {
        Transaction tx = StatelessChecks.decodeAndCheck(raw, CHAIN_ID, MAX_TX_BYTES, BASE_FEE);
        if (txs.containsKey(tx.id()) || mempool.contains(tx)) {
            throw reject(TxRejection.Reason.DUPLICATE, "transaction " + tx.id() + " is already known");
        }
        Address from = tx.senderAddress();
        long expected = nonces.getOrDefault(from, 0L) + mempool.stream().filter(t -> t.senderAddress().equals(from)).count();
        if (tx.nonce() < expected) {
            throw reject(TxRejection.Reason.NONCE_TOO_LOW, "nonce " + tx.nonce() + " is below the next nonce " + expected);
        }
        if (tx.nonce() > expected) {
            throw reject(TxRejection.Reason.NONCE_TOO_HIGH, "nonce " + tx.nonce() + " is above the next nonce " + expected);
        }
        long amount = ((Transfer) tx.payload()).amount();
        long balance = balances.getOrDefault(from, 0L);
        if (balance < amount + BASE_FEE) {
            throw reject(TxRejection.Reason.INSUFFICIENT_BALANCE,
                    "balance " + balance + " is below amount " + amount + " plus fee " + BASE_FEE + " (base units)");
        }
        mempool.add(tx);
        pollsSinceSend = 0;
        return tx.id();
    }

    private static TxRejectedException reject(TxRejection.Reason reason, String message) {
        return new TxRejectedException(TxRejection.of(reason, message));
    }

    @Override
    public synchronized AccountView account(Address address) {
        return new AccountView(address, balances.getOrDefault(address, 0L), nonces.getOrDefault(address, 0L));
    }

    @Override
    public synchronized StatusView status() {
        RuntimeException failure = statusFailure;
        if (failure != null) {
            throw failure;
        }
        Hash32 last = blocks.isEmpty() ? Hash32.ZERO : blocks.get(blocks.size() - 1).block().hash();
        long time = blocks.isEmpty() ? GENESIS_TIME_MS : blocks.get(blocks.size() - 1).block().header().timestampMs();
        return new StatusView(CHAIN_ID, "fake-node", blocks.size(), last, time, mempool.size(), true, 0);
    }

    private final Map<Hash32, AssetView> assets = new HashMap<>();
    private volatile ProofView nextProof;

    public synchronized void putAsset(AssetView a) {
        assets.put(a.id(), a);
    }

    /** What accountProof and assetProof answer next. */
    public void answerProofsWith(ProofView p) {
        nextProof = p;
    }

    @Override
    public synchronized Optional<AssetView> asset(Hash32 id, long from, int limit) {
        AssetView a = assets.get(id);
        if (a == null) {
            return Optional.empty();
        }
        List<AssetView.Record> page = a.history().subList((int) Math.min(from, a.history().size()),
                (int) Math.min(a.history().size(), from + limit));
        return Optional.of(new AssetView(a.id(), a.owner(), a.type(), a.amount(), a.state(), a.pending(), a.credit(), a.records(), from, page));
    }

    @Override
    public synchronized SupplyView supply() {
        long total = io.mutualchain.core.types.Mtn.TOTAL_SUPPLY;
        return new SupplyView(blocks.size(), total, total / 5, total - total / 5, total / 5, 0);
    }

    @Override
    public ProofView accountProof(Address address) {
        return nextProof;
    }

    @Override
    public ProofView assetProof(Hash32 id) {
        return nextProof;
    }

    private final Map<Address, ContractView> contracts = new HashMap<>();
    private volatile ContractCallView nextCallAnswer;
    /** The last read-only call and its gas limit, as the node received them. */
    public volatile CallRequest lastCall;
    public volatile long lastCallGas;

    public synchronized void putContract(ContractView c) {
        contracts.put(c.address(), c);
    }

    /** The approved next validator set mc_getValidators reports; empty unless a test sets one. */
    public volatile Optional<ValidatorsView.Pending> pendingValidators = Optional.empty();

    /** The one fake validator is in force at every height from 1 to the next one. */
    @Override
    public synchronized ValidatorsView validators(long height) {
        long next = blocks.size() + 1;
        if (height < 1 || height > next) {
            throw new IllegalArgumentException("height " + height + " is outside 1.." + next + " (the committed heights and the next one)");
        }
        return new ValidatorsView(height, 0, new ValidatorSet(List.of(new Validator("fake-0", validator.publicKey()))), pendingValidators);
    }

    /** What mc_getValidatorHandovers serves (from fromBase on, at most max); none unless a test sets some. */
    public volatile List<HandoverView> handovers = List.of();
    /** The page size the server last asked validatorHandovers for. */
    public volatile int lastHandoversMax;

    @Override
    public List<HandoverView> validatorHandovers(long fromBase, int max) {
        lastHandoversMax = max;
        return handovers.stream().filter(h -> h.base() >= fromBase).limit(max).toList();
    }

    /** What call() answers next. */
    public void answerCallsWith(ContractCallView v) {
        nextCallAnswer = v;
    }

    @Override
    public synchronized Optional<ContractView> contract(Address address) {
        return Optional.ofNullable(contracts.get(address));
    }

    /** What callGasMax() answers: the node's gas cap for calls. */
    public volatile long callGasMax = io.mutualchain.core.tx.ContractDeploy.GAS_LIMIT_MAX;
    /** When set, call() throws it instead of answering (the node's time cap or a full worker queue). */
    public volatile CallLimitException callFailure;

    @Override
    public ContractCallView call(CallRequest request, long gasLimit) {
        lastCall = request;
        lastCallGas = gasLimit;
        if (callFailure != null) {
            throw callFailure;
        }
        return nextCallAnswer;
    }

    @Override
    public long callGasMax() {
        return callGasMax;
    }

    /** Puts every pending transaction into a new block, executes it, and certifies it. */
    public synchronized BlockView commitPending() {
        long height = blocks.size() + 1;
        Hash32 prev = blocks.isEmpty() ? Sha256.hash(new byte[] {0}) : blocks.get(blocks.size() - 1).block().hash();
        List<Transaction> body = List.copyOf(mempool);
        mempool.clear();
        BlockHeader header = new BlockHeader(CHAIN_ID, height, prev, GENESIS_TIME_MS + height * 1000, Block.txRoot(body),
                Hash32.ZERO, Hash32.ZERO, body.size(), validator.publicKey(), 0);
        Block block = new Block(header, body);
        Address proposer = Address.of(validator.publicKey());
        for (int i = 0; i < body.size(); i++) {
            Transaction tx = body.get(i);
            Transfer t = (Transfer) tx.payload();
            Address from = tx.senderAddress();
            balances.merge(from, -(t.amount() + BASE_FEE), Long::sum);
            balances.merge(t.to(), t.amount(), Long::sum);
            balances.merge(proposer, BASE_FEE, Long::sum);
            nonces.merge(from, 1L, Long::sum);
            txs.put(tx.id(), new TxView(tx, height, i, block.hash()));
            receipts.put(tx.id(), new ReceiptView(tx.id(), height, i, block.hash(), true, null, BASE_FEE));
        }
        byte[] vote = CommitVote.signingBytes(CHAIN_ID, 0, height, block.hash());
        CommitCertificate cert = new CommitCertificate(0, height, block.hash(),
                List.of(new ValidatorSignature(validator.publicKey(), validator.sign(vote))));
        BlockView view = new BlockView(block, cert);
        blocks.add(view);
        return view;
    }

    /**
     * Appends a block of {@code body} with the given receipts as they are (nothing is executed), for
     * subscription tests that need contract events or asset events in a block.
     */
    public synchronized BlockView commitBlock(List<Transaction> body, java.util.function.BiFunction<Integer, Hash32, ReceiptView> receiptOf) {
        long height = blocks.size() + 1;
        Hash32 prev = blocks.isEmpty() ? Sha256.hash(new byte[] {0}) : blocks.get(blocks.size() - 1).block().hash();
        BlockHeader header = new BlockHeader(CHAIN_ID, height, prev, GENESIS_TIME_MS + height * 1000, Block.txRoot(body),
                Hash32.ZERO, Hash32.ZERO, body.size(), validator.publicKey(), 0);
        Block block = new Block(header, body);
        for (int i = 0; i < body.size(); i++) {
            txs.put(body.get(i).id(), new TxView(body.get(i), height, i, block.hash()));
            receipts.put(body.get(i).id(), receiptOf.apply(i, block.hash()));
        }
        byte[] vote = CommitVote.signingBytes(CHAIN_ID, 0, height, block.hash());
        CommitCertificate cert = new CommitCertificate(0, height, block.hash(),
                List.of(new ValidatorSignature(validator.publicKey(), validator.sign(vote))));
        BlockView view = new BlockView(block, cert);
        blocks.add(view);
        return view;
    }
}
