package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The ledger of one node: committed blocks with their certificates, the transaction and receipt
 * indexes, the world state (accounts) and its authenticated state root, and a column family the
 * consensus engine persists into. One thread validates and commits; any number of threads read.
 *
 * <p>Every commit is one RocksDB write batch synced to disk, holding the block, certificate, indexes,
 * receipts, account changes, state-tree changes and the new head together, so after a crash the
 * database holds exactly the blocks that were committed, and the head, the accounts and the state
 * root always agree with each other.
 *
 * <p>When a committed block is the last before a validator epoch starts, a second synced write stores
 * the epoch's {@link EpochHandover} (the proven validator schedule of that state), which lets a client
 * that trusts only the genesis set follow the set changes; see {@link Handovers} for the crash window.
 *
 * <p>After each commit the head marker file (see {@link HeadMarker}) is rewritten; at open the store's
 * head must be whole and not below the marker ({@link HeadCheck}), otherwise the open is refused with a
 * {@link LedgerDamagedException} (docs/ledger.md, "Recovery policy").
 *
 * <p>This class is the front: each concern lives in a package-private class of its own —
 * {@link LedgerOpening} (open, recovery checks, marker), {@link LedgerWriter} (proposal validation,
 * commit, the tip and the marker's signing bound), {@link AdmissionChecks}, {@link StateReads},
 * {@link BlockReads} and {@link ConsensusColumn}.
 */
public final class Ledger implements AutoCloseable {
    /** On-disk format version; a database with another version is refused rather than misread. */
    public static final long SCHEMA_VERSION = 5;
    /** The marker's file name inside the store directory when the caller names no other place. */
    public static final String MARKER_IN_STORE = "HEAD-MARKER";

    /** How {@link #open(Path, Genesis, Path, OpenMode)} treats the store. */
    public enum OpenMode {
        /** Open the store; refuse it if damaged or below the head marker. */
        NORMAL,
        /**
         * Move the store aside and start an empty one from genesis, to be rebuilt from peers, keeping
         * the head marker: the node stays silent through every height it may have signed
         * ({@link #silentThrough()}).
         */
        RESYNC_FROM_PEERS
    }

    private final RocksLedgerDb db;
    private final Genesis genesis;
    /** Verified transaction ids kept for the pool's sake (about 100 bytes each). */
    static final int VERIFIED_POOL_ENTRIES = 100_000;
    /** Validation, commit and the marker's signing bound; owns the tip readers see. */
    private final LedgerWriter writer;
    private final AdmissionChecks admission;
    private final StateReads state;
    private final BlockReads blocks;
    private final ConsensusColumn consensus;

    private Ledger(RocksLedgerDb db, Genesis genesis, LedgerTip tip, List<Long> missingHandovers, MarkerFile marker) {
        this.db = db;
        this.genesis = genesis;
        // Room for a full transaction pool (admission checks signatures through this cache, so a
        // proposal of pooled transactions is not checked again) and two blocks; a miss only costs a check.
        int cacheEntries = VERIFIED_POOL_ENTRIES + 2 * genesis.params().maxBlockTxs();
        VerifiedTxCache verified = new VerifiedTxCache(genesis.chainId(), genesis.params().maxTxBytes(), genesis.params().baseFee(), cacheEntries);
        this.writer = new LedgerWriter(db, genesis, verified, tip, missingHandovers, marker);
        this.admission = new AdmissionChecks(db, genesis, verified);
        this.state = new StateReads(db, genesis);
        this.blocks = new BlockReads(db);
        this.consensus = new ConsensusColumn(db);
    }

    /**
     * Opens or creates the ledger in {@code dir}, with its head marker inside the directory
     * ({@link #MARKER_IN_STORE}). See {@link #open(Path, Genesis, Path, OpenMode)}.
     */
    public static Ledger open(Path dir, Genesis genesis) throws LedgerException {
        return open(dir, genesis, dir.resolve(MARKER_IN_STORE), OpenMode.NORMAL);
    }

    /**
     * Opens or creates the ledger in {@code dir}. On first open applies genesis; later opens refuse a
     * different genesis. Refuses a directory another process holds open, and refuses with a
     * {@link LedgerDamagedException} a store that is damaged or below the head marker in
     * {@code markerFile} (keep that file outside {@code dir}, so that losing the store does not lose it).
     * The steps and their order are in {@link LedgerOpening}.
     */
    public static Ledger open(Path dir, Genesis genesis, Path markerFile, OpenMode mode) throws LedgerException {
        Objects.requireNonNull(genesis, "genesis");
        return LedgerOpening.open(dir, genesis, markerFile, mode, Ledger::new);
    }

    static byte[] schemaBytes() {
        return new CanonicalWriter(4).uint(SCHEMA_VERSION).toByteArray();
    }

    public Genesis genesis() {
        return genesis;
    }

    public long height() {
        return writer.tip().head().height();
    }

    public Hash32 lastBlockHash() {
        return writer.tip().head().blockHash();
    }

    public long lastBlockTimeMs() {
        return writer.tip().head().timeMs();
    }

    public Hash32 stateRoot() {
        return writer.tip().head().stateRoot();
    }

    /** The root of the committed tip's receipts (see {@link ReceiptsRoot}); the next header carries it. */
    public Hash32 receiptsRoot() {
        return writer.tip().head().receiptsRoot();
    }

    /** Height, hash, time, state root and receipts root of the committed tip, read together. */
    public Head head() {
        return writer.tip().head();
    }

    public Account account(Address a) {
        return state.account(a);
    }

    /**
     * The stateless checks (chain, size, fee, signature) through the ledger's cache of verified
     * transactions: a transaction admitted to the pool this way is not signature-checked again when
     * a block carrying it is validated and committed.
     */
    public Optional<TxRejection> checkStateless(Transaction tx) {
        return admission.checkStateless(tx);
    }

    /** The state checks of mempool admission, against the committed state: nonce and balance. */
    public Optional<TxRejection> checkAgainstState(Transaction tx) {
        return admission.checkAgainstState(tx);
    }

    /**
     * Whether a ledger rule (asset state machine, roles, member levels, limits, vesting) would refuse
     * {@code tx} against the committed state, judged at the tip's time by the first validator as
     * proposer. For admission: refusing early saves the sender a fee, and the receipt would say the
     * same. The nonce is not checked here (see {@link #checkAgainstState}).
     */
    public Optional<TxRejection> checkRules(Transaction tx) {
        return admission.checkRules(tx);
    }

    /** The contract deployed at {@code a} with its module bytes, or empty when no contract lives there. */
    public Optional<DeployedContract> contract(Address a) {
        return state.contract(a);
    }

    /**
     * Runs {@code function} of {@code contract} read-only against the committed state, as if {@code from}
     * called it in the next block (height tip + 1, the tip's time). Nothing is written and no fee is
     * paid; the result says how the run ended and what it used (for {@code mc_call} and gas estimates).
     *
     * @param args the arguments in the VM's canonical ABI encoding
     */
    public ContractReceipt call(Address from, Address contract, String function, byte[] args, long value, long gasLimit) {
        return state.call(writer.tip().head(), from, contract, function, args, value, gasLimit);
    }

    /** An asset, or empty if no event ever created it. */
    public Optional<Asset> asset(Hash32 id) {
        return state.asset(id);
    }

    /** The asset and its history records from {@code from} on, at most {@code limit} of them, read from one snapshot. */
    public Optional<AssetHistory> assetHistory(Hash32 id, long from, int limit) {
        return state.assetHistory(id, from, limit);
    }

    /** MTN of {@code a} locked by vesting at the tip's block time. */
    public long lockedAt(Address a) {
        return state.lockedAt(a, writer.tip().head().timeMs());
    }

    /** The MTN supply at the tip: total (fixed), locked by vesting, circulating (the rest), the committee's reserve, and fees paid so far. */
    public Supply supply() {
        return state.supply(writer.tip());
    }

    /**
     * Everything a validator checks before voting for {@code block}: valid, or the typed reason it must not
     * ({@link HeaderLinkCode}, {@link ProposalCode}, {@link io.mutualchain.core.block.BlockLimitCode},
     * {@link io.mutualchain.core.block.BodyCode}). A block
     * that passes was executed on the way; that execution is kept (one block's worth) for {@link #commit}
     * of the same block on the same tip, so a validator runs a block once, not twice.
     */
    public Validation validateProposal(Block block) {
        return writer.validateProposal(block);
    }

    /** Commits that reused the execution of proposal validation instead of running the block again (for tests and metrics). */
    public long reusedExecutions() {
        return writer.reusedExecutions();
    }

    /**
     * Executes and stores {@code block} with its certificate in one synced batch and returns the
     * receipts. Refuses (and writes nothing) with a {@link BlockRefusedException} if the block is not
     * the next height, its certificate does not finalise it or its body does not match its header.
     * A certified block that does not link to the tip (parent, time, state root) is a
     * {@link LocalFault}: a quorum agreed on it, so it is this node's chain or state that differs.
     * The order of the writes that follow is in {@link LedgerWriter}.
     *
     * @throws LocalFault a store read failed or the state is missing, corrupt or diverged; nothing was written
     * @throws LedgerException the synced write failed; nothing was written
     */
    public List<Receipt> commit(Block block, CommitCertificate cert) throws LedgerException {
        return writer.commit(block, cert);
    }

    /**
     * The hand-over to the validator epoch with base {@code base}: the schedule entry after block
     * {@code base - 1} and its proof against that state's root (header {@code base}'s stateRoot).
     * Present once block {@code base - 1} is committed, unless this node stopped between committing it
     * and writing the record while already past it (see {@link #missingHandovers()}).
     */
    public Optional<EpochHandover> handover(long base) {
        return Handovers.read(db, base);
    }

    /** Bases of the hand-over records this node holds, oldest first. */
    public List<Long> handoverBases() {
        return Handovers.bases(db);
    }

    /** Bases of started or due epochs whose hand-over record this node lacks; other nodes serve them. */
    public List<Long> missingHandovers() {
        return writer.missingHandovers();
    }

    /**
     * The validator epoch in force at {@code height}: the set that proposes and certifies that block.
     * Defined for committed heights and for the next one ({@code 1 <= height <= height() + 1}); for the
     * next height it is the pending epoch when that starts there.
     *
     * @throws IllegalArgumentException for a height outside that range
     */
    public ValidatorEpoch epochAt(long height) {
        return writer.tip().epochAt(height);
    }

    /** The epoch governance has approved that is not yet in force (its base is the checkpoint it starts after). */
    public Optional<ValidatorEpoch> pendingEpoch() {
        return writer.tip().schedule().pending();
    }

    /** Every epoch that has been in force so far, oldest (genesis, base 0) first; the last is in force at the tip. */
    public List<ValidatorEpoch> epochs() {
        return writer.tip().epochs();
    }

    /**
     * Records, before this node sends anything signed above the current bound, that it may sign PBFT
     * messages up to height {@code height} (its stable checkpoint plus the watermark window): a rebuild
     * of the store later keeps the node silent through it. Writes the marker only when the bound rises.
     */
    public void coverSignableThrough(long height) throws LedgerException {
        writer.coverSignableThrough(height);
    }

    /**
     * This node must not vote at or below this height: its store was rebuilt from peers and its vote
     * records with it (see {@link OpenMode#RESYNC_FROM_PEERS}); 0 when it has lost nothing.
     */
    public long silentThrough() {
        return writer.silentThrough();
    }

    /** Where the head marker lives. */
    public Path markerFile() {
        return writer.markerFile();
    }

    /** Timings and counts of the last commit; null before the first. */
    public CommitStats lastCommitStats() {
        return writer.lastCommitStats();
    }

    public Optional<StoredBlock> blockByHeight(long height) {
        return blocks.byHeight(height);
    }

    public Optional<StoredBlock> blockByHash(Hash32 hash) {
        return blocks.byHash(hash);
    }

    public Optional<TxLocation> transaction(Hash32 txId) {
        return blocks.transaction(txId);
    }

    public Optional<Receipt> receipt(Hash32 txId) {
        return blocks.receipt(txId);
    }

    /** The maintained counters of the tip. */
    public MtnTotals totals() {
        return writer.tip().totals();
    }

    /** Sums every stored balance by scanning the accounts; slow, for tests and audits. */
    public long sumOfAllBalancesByScan() {
        return state.sumOfAllBalancesByScan();
    }

    /** Rebuilds the state root from every stored account and entry, ignoring the stored tree; slow, for tests and audits. */
    public Hash32 stateRootByScan() {
        return state.stateRootByScan();
    }

    /**
     * A proof of the account at {@code a} against the current state root. Present for every address:
     * an address with no account gets a proof of non-membership.
     */
    public Optional<StateProof> prove(Address a) {
        return Optional.of(proveAccount(a).proof());
    }

    /** The account, the tip it belongs to and its proof, all from one snapshot. */
    public AccountProof proveAccount(Address a) {
        return state.proveAccount(a);
    }

    /**
     * The asset (or its absence) and its proof against the current state root, from one snapshot. The
     * proven value is the asset's encoding under state key 0x02 || id.
     */
    public EntryProof proveAsset(Hash32 id) {
        return proveEntry(StateKeys.assetKey(id));
    }

    /** Any state entry by its state key (assets, history records, deals, votes), with its proof. */
    public EntryProof proveEntry(byte[] stateKey) {
        return state.proveEntry(stateKey);
    }

    /** Writes the consensus engine's records in one synced batch: {@code puts} (values must not be null), then {@code deletes}. */
    public void consensusWrite(List<Map.Entry<byte[], byte[]>> puts, List<byte[]> deletes) throws LedgerException {
        consensus.write(puts, deletes);
    }

    /** Every consensus record, keyed by the lower-case hex of its key, in key order. */
    public SortedMap<String, byte[]> consensusEntries() {
        return consensus.entries();
    }

    /** For fault-injection tests: every later store read consults {@code faults} first (see {@link RocksLedgerDb.ReadFaults}). */
    public void injectReadFaults(RocksLedgerDb.ReadFaults faults) {
        db.injectReadFaults(faults);
    }

    /** For fault-injection tests: every later synced write consults {@code faults} first (see {@link RocksLedgerDb.WriteFaults}). */
    public void injectWriteFaults(RocksLedgerDb.WriteFaults faults) {
        db.injectWriteFaults(faults);
    }

    public long approximateSizeBytes() {
        return db.approximateSizeBytes();
    }

    public Path dataDir() {
        return db.dir();
    }

    @Override
    public void close() {
        db.close();
    }
}
