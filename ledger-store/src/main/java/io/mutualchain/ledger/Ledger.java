package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.ledger.exec.Refusal;
import io.mutualchain.ledger.exec.StateChecks;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.core.genesis.VestingSchedule;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.DbReader;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.HeadMarker;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class Ledger implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
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
    private final VerifiedTxCache verified;
    /** Verified transaction ids kept for the pool's sake (about 100 bytes each). */
    static final int VERIFIED_POOL_ENTRIES = 100_000;
    /** Serialises validateProposal and commit: both read the tip and must not interleave. */
    private final Object writerLock = new Object();
    /** Readers see a head and its totals as one immutable value, swapped after each synced write. */
    private volatile Tip tip;
    private volatile CommitStats lastCommitStats;
    /** The last proposal that passed validation, with its execution; guarded by {@link #writerLock}. */
    private ValidatedExecution validated;
    private volatile long reusedExecutions;
    /** Bases of started (or due) epochs whose hand-over record this node lacks; see {@link Handovers}. */
    private volatile List<Long> missingHandovers;
    private MarkerFile marker;

    /**
     * @param schedule the validator schedule in the tip's state
     * @param epochs   every epoch in force so far, oldest first (the last one is {@code schedule.current()})
     */
    private record Tip(Head head, MtnTotals totals, ValidatorSchedule schedule, List<ValidatorEpoch> epochs) {
    }

    /** A block that passed proposal validation on top of {@code parent}, and what executing it produced there. */
    private record ValidatedExecution(Hash32 blockHash, Head parent, BlockExecutor.Result result) {
    }

    private Ledger(RocksLedgerDb db, Genesis genesis, Tip tip, List<Long> missingHandovers) {
        this.db = db;
        this.missingHandovers = missingHandovers;
        this.genesis = genesis;
        // Room for a full transaction pool (admission checks signatures through this cache, so a
        // proposal of pooled transactions is not checked again) and two blocks; a miss only costs a check.
        int cacheEntries = VERIFIED_POOL_ENTRIES + 2 * genesis.params().maxBlockTxs();
        this.verified = new VerifiedTxCache(genesis.chainId(), genesis.params().maxTxBytes(), genesis.params().baseFee(), cacheEntries);
        this.tip = tip;
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
     */
    public static Ledger open(Path dir, Genesis genesis, Path markerFile, OpenMode mode) throws LedgerException {
        Objects.requireNonNull(genesis, "genesis");
        if (mode == OpenMode.RESYNC_FROM_PEERS) {
            MarkerFile.prepareResync(dir, markerFile, genesis);
        }
        Optional<HeadMarker> storedMarker = MarkerFile.read(markerFile);
        RocksLedgerDb db = RocksLedgerDb.open(dir);
        try {
            byte[] storedGenesis = db.get(Cf.META, Keys.META_GENESIS_HASH);
            boolean fresh = storedGenesis == null;
            if (fresh) {
                GenesisWriter.apply(db, genesis);
            } else {
                checkSameChain(db, genesis, storedGenesis);
            }
            Head head = Head.decode(require(db, Keys.META_HEAD, "head"));
            MtnTotals totals = MtnTotals.decode(require(db, Keys.META_TOTALS, "totals"));
            byte[] scheduleBytes = db.get(Cf.STATE, StateKeys.validatorsKey());
            if (scheduleBytes == null) {
                throw new LedgerException("database in " + db.dir() + " has no validator schedule; it is damaged");
            }
            ValidatorSchedule schedule = ValidatorSchedule.decode(scheduleBytes);
            List<ValidatorEpoch> epochs = readEpochs(db);
            if (epochs.isEmpty() || !epochs.get(epochs.size() - 1).equals(schedule.current())) {
                throw new LedgerException("database in " + db.dir() + " has an epoch history that does not end in the validator set in force; it is damaged");
            }
            Tip tip = new Tip(head, totals, schedule, epochs);
            HeadCheck.whole(db, genesis, head, epochAt(tip, Math.max(1, head.height())).validators());
            HeadMarker settled = settleMarker(db, genesis, head, markerFile, storedMarker, fresh);
            List<Long> missing = Handovers.checkOnOpen(db, head, schedule, epochs);
            Ledger ledger = new Ledger(db, genesis, tip, missing);
            ledger.marker = new MarkerFile(markerFile, storedMarker.orElse(null));
            ledger.marker.write(settled);
            if (db.get(Cf.META, Keys.META_HAS_MARKER) == null) {
                db.writeSynced(batch -> batch.put(Cf.META, Keys.META_HAS_MARKER, new byte[] {1}));
            }
            return ledger;
        } catch (CodecException e) {
            db.close();
            throw new LedgerException("database in " + db.dir() + " is corrupt: " + e.getMessage(), e);
        } catch (LedgerException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The marker to write at open, or the refusal: a store this code wrote has a marker, and is never below it. */
    private static HeadMarker settleMarker(RocksLedgerDb db, Genesis genesis, Head head, Path markerFile, Optional<HeadMarker> stored,
                                           boolean fresh) throws LedgerException {
        if (stored.isPresent()) {
            return HeadCheck.againstMarker(db, genesis, head, markerFile, stored.get());
        }
        if (!fresh && db.get(Cf.META, Keys.META_HAS_MARKER) != null) {
            throw new LedgerDamagedException(LedgerDamagedException.Damage.MARKER_MISSING, markerFile, "the head marker " + markerFile
                    + " is missing, but the database in " + db.dir() + " (height " + head.height() + ") was written with one: without it"
                    + " nothing shows whether committed blocks were lost, or which heights this node may have signed." + HeadCheck.WAY_OUT, null);
        }
        if (!fresh) {
            LOG.info("the database in {} predates head markers; writing one at height {} ({})", db.dir(), head.height(), markerFile);
        }
        return new HeadMarker(head.height(), head.blockHash(), 0, 0);
    }

    private static void checkSameChain(RocksLedgerDb db, Genesis genesis, byte[] storedGenesis) throws LedgerException {
        long schema = new CanonicalReader(require(db, Keys.META_SCHEMA, "schema version")).varint("schema");
        if (schema != SCHEMA_VERSION) {
            throw new LedgerException("database in " + db.dir() + " has format version " + schema + "; this node reads version "
                    + SCHEMA_VERSION);
        }
        Hash32 stored = Hash32.of(storedGenesis);
        if (!stored.equals(genesis.hash())) {
            throw new LedgerException("database in " + db.dir() + " belongs to genesis " + stored + " but the configured genesis ("
                    + "chain '" + genesis.chainId() + "') is " + genesis.hash() + "; use the genesis this data was created with, or another data directory");
        }
    }

    private static List<ValidatorEpoch> readEpochs(RocksLedgerDb db) {
        List<ValidatorEpoch> out = new ArrayList<>();
        // Keys are "epoch/" + base big-endian, and the scan is in key order, so this is oldest first.
        db.scan(Cf.META, (k, v) -> {
            if (Keys.isEpochKey(k)) {
                out.add(ValidatorEpoch.decode(v));
            }
        });
        return List.copyOf(out);
    }

    private static byte[] require(RocksLedgerDb db, byte[] key, String what) throws LedgerException {
        byte[] v = db.get(Cf.META, key);
        if (v == null) {
            throw new LedgerException("database in " + db.dir() + " has a genesis but no " + what + " record; it is damaged");
        }
        return v;
    }

    static byte[] schemaBytes() {
        return new CanonicalWriter(4).uint(SCHEMA_VERSION).toByteArray();
    }

    public Genesis genesis() {
        return genesis;
    }

    public long height() {
        return tip.head().height();
    }

    public Hash32 lastBlockHash() {
        return tip.head().blockHash();
    }

    public long lastBlockTimeMs() {
        return tip.head().timeMs();
    }

    public Hash32 stateRoot() {
        return tip.head().stateRoot();
    }

    /** The root of the committed tip's receipts (see {@link ReceiptsRoot}); the next header carries it. */
    public Hash32 receiptsRoot() {
        return tip.head().receiptsRoot();
    }

    /** Height, hash, time, state root and receipts root of the committed tip, read together. */
    public Head head() {
        return tip.head();
    }

    public Account account(Address a) {
        return readAccount(db::get, a);
    }

    static Account readAccount(DbReader reader, Address a) {
        byte[] v = reader.get(Cf.ACCOUNTS, a.toBytes());
        return v == null ? Account.EMPTY : Account.decode(v);
    }

    /**
     * The stateless checks (chain, size, fee, signature) through the ledger's cache of verified
     * transactions: a transaction admitted to the pool this way is not signature-checked again when
     * a block carrying it is validated and committed.
     */
    public Optional<TxRejection> checkStateless(Transaction tx) {
        return verified.check(tx);
    }

    /** The state checks of mempool admission, against the committed state: nonce and balance. */
    public Optional<TxRejection> checkAgainstState(Transaction tx) {
        return StateChecks.check(tx, account(tx.senderAddress()), genesis.params().baseFee(), genesis.params().gasPrice());
    }

    /**
     * Whether a ledger rule (asset state machine, roles, member levels, limits, vesting) would refuse
     * {@code tx} against the committed state, judged at the tip's time by the first validator as
     * proposer. For admission: refusing early saves the sender a fee, and the receipt would say the
     * same. The nonce is not checked here (see {@link #checkAgainstState}).
     */
    public Optional<TxRejection> checkRules(Transaction tx) {
        return db.withSnapshot(r -> {
            // Head and validator schedule from the same snapshot as the state, so a commit racing this check cannot mix two tips.
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            ValidatorSchedule schedule = ValidatorSchedule.decode(r.get(Cf.STATE, StateKeys.validatorsKey()));
            long next = head.height() + 1;
            ValidatorSet validators = schedule.promotesAt(next) ? schedule.pending().get().validators() : schedule.current().validators();
            BlockExecutor.BlockContext ctx = new BlockExecutor.BlockContext(next, head.timeMs(), validators.get(0).address(), genesis, validators);
            DbState state = new DbState(r);
            long balance = state.account(tx.senderAddress()).balance();
            long fee = genesis.params().baseFee();
            if (fee > balance || StateChecks.amountOf(tx, genesis.params().gasPrice()) > balance - fee) {
                // Not a rule matter: the pool refuses it for its balance, in its own words.
                return Optional.<TxRejection>empty();
            }
            return BlockExecutor.checkRules(state, tx, ctx).map(Refusal::toRejection);
        });
    }

    /** The contract deployed at {@code a} with its module bytes, or empty when no contract lives there. */
    public Optional<DeployedContract> contract(Address a) {
        return db.withSnapshot(r -> {
            byte[] v = r.get(Cf.STATE, StateKeys.contractKey(a));
            if (v == null) {
                return Optional.empty();
            }
            ContractInfo info = ContractInfo.decode(v);
            return Optional.of(new DeployedContract(a, info, r.get(Cf.STATE, StateKeys.codeKey(info.codeHash()))));
        });
    }

    /**
     * Runs {@code function} of {@code contract} read-only against the committed state, as if {@code from}
     * called it in the next block (height tip + 1, the tip's time). Nothing is written and no fee is
     * paid; the result says how the run ended and what it used (for {@code mc_call} and gas estimates).
     *
     * @param args the arguments in the VM's canonical ABI encoding
     */
    public ContractReceipt call(Address from, Address contract, String function, byte[] args, long value, long gasLimit) {
        Head head = tip.head();
        return db.withSnapshot(r -> ContractRules.readOnly(new DbState(r), from, contract, function, args, value, gasLimit,
                head.height() + 1, head.timeMs()));
    }

    /** An asset, or empty if no event ever created it. */
    public Optional<Asset> asset(Hash32 id) {
        byte[] v = db.get(Cf.STATE, StateKeys.assetKey(id));
        return v == null ? Optional.empty() : Optional.of(Asset.decode(v));
    }

    /** The asset and its history records from {@code from} on, at most {@code limit} of them, read from one snapshot. */
    public Optional<AssetHistory> assetHistory(Hash32 id, long from, int limit) {
        return db.withSnapshot(r -> {
            byte[] v = r.get(Cf.STATE, StateKeys.assetKey(id));
            if (v == null) {
                return Optional.empty();
            }
            Asset a = Asset.decode(v);
            List<AssetRecord> records = new ArrayList<>();
            for (long i = Math.max(0, from); i < a.records() && records.size() < limit; i++) {
                records.add(AssetRecord.decode(r.get(Cf.STATE, StateKeys.recordKey(id, i))));
            }
            return Optional.of(new AssetHistory(a, from, records));
        });
    }

    /** MTN of {@code a} locked by vesting at the tip's block time. */
    public long lockedAt(Address a) {
        VestingSchedule v = genesis.setup().vestingOf(a);
        return v == null ? 0 : Math.min(v.lockedAt(tip.head().timeMs()), account(a).balance());
    }

    /** The MTN supply at the tip: total (fixed), locked by vesting, circulating (the rest), the committee's reserve, and fees paid so far. */
    public Supply supply() {
        Tip t = tip;
        long locked = 0;
        for (VestingSchedule v : genesis.setup().vesting()) {
            locked += Math.min(v.lockedAt(t.head().timeMs()), account(v.address()).balance());
        }
        long reserve = genesis.setup().committee().exists() ? account(genesis.setup().committee().address()).balance() : 0;
        return new Supply(t.head().height(), t.totals().sumOfBalances(), locked, t.totals().sumOfBalances() - locked, reserve,
                t.totals().feesPaid());
    }

    /**
     * Everything a validator checks before voting for {@code block}: valid, or the typed reason it must not
     * ({@link HeaderLinkCode}, {@link ProposalCode}, {@link io.mutualchain.core.block.BlockLimitCode},
     * {@link io.mutualchain.core.block.BodyCode}). A block
     * that passes was executed on the way; that execution is kept (one block's worth) for {@link #commit}
     * of the same block on the same tip, so a validator runs a block once, not twice.
     */
    public Validation validateProposal(Block block) {
        synchronized (writerLock) {
            Tip t = tip;
            ProposalValidator.Checked c = ProposalValidator.validate(block, t.head(), genesis, epochAt(t, t.head().height() + 1).validators(),
                    db::get, verified::check);
            validated = c.refusal().isOk() ? new ValidatedExecution(block.hash(), t.head(), c.executed()) : null;
            return c.refusal();
        }
    }

    /** Commits that reused the execution of proposal validation instead of running the block again (for tests and metrics). */
    public long reusedExecutions() {
        return reusedExecutions;
    }

    /**
     * Executes and stores {@code block} with its certificate in one synced batch and returns the
     * receipts. Refuses (and writes nothing) with a {@link BlockRefusedException} if the block is not
     * the next height, its certificate does not finalise it or its body does not match its header.
     * A certified block that does not link to the tip (parent, time, state root) is a
     * {@link LocalFault}: a quorum agreed on it, so it is this node's chain or state that differs.
     *
     * @throws LocalFault a store read failed or the state is missing, corrupt or diverged; nothing was written
     * @throws LedgerException the synced write failed; nothing was written
     */
    public List<Receipt> commit(Block block, CommitCertificate cert) throws LedgerException {
        synchronized (writerLock) {
            Tip t = tip;
            Head head = t.head();
            if (block.height() != head.height() + 1) {
                throw refused(block, Validation.refused(HeaderLinkCode.NOT_NEXT_HEIGHT, "block height " + block.height()
                        + " does not follow the committed height " + head.height()));
            }
            ValidatorSet validators = epochAt(t, head.height() + 1).validators();
            cert.verify(genesis.chainId(), validators.keys(), validators.quorum(), block.hash(), block.height())
                    .andThen(block::checkBody)
                    .orElseThrow(why -> refused(block, why));
            // An honest quorum certifies only blocks that link and keep the limits of the genesis every node shares.
            Validation diverged = HeaderLinks.check(block.header(), head, genesis.chainId())
                    .andThen(() -> BlockLimits.check(block, genesis.params()));
            if (!diverged.isOk()) {
                throw new LocalFault(LocalFault.Kind.STATE_DIVERGED, "block " + block.height() + " (" + block.hash()
                        + ") is certified by a quorum but does not extend this node's committed chain in " + db.dir() + ": " + diverged.message());
            }
            // The execution is a function of the block (its hash covers the body) and the committed state
            // (its head, which only a commit moves, under this lock), so the validated one is the same run.
            ValidatedExecution v = validated;
            validated = null;
            Optional<BlockExecutor.Result> reuse = v != null && v.blockHash().equals(block.hash()) && v.parent().equals(head)
                    ? Optional.of(v.result()) : Optional.empty();
            BlockCommit c = BlockCommit.prepare(db, block, cert, t.totals(), genesis, t.schedule(), validators, verified::check, reuse);
            if (reuse.isPresent()) {
                reusedExecutions++;
            }
            db.writeSynced(c::fill);
            List<ValidatorEpoch> epochs = t.epochs();
            if (c.promoted().isPresent()) {
                List<ValidatorEpoch> more = new ArrayList<>(epochs);
                more.add(c.promoted().get());
                epochs = List.copyOf(more);
            }
            tip = new Tip(c.newHead(), c.newTotals(), c.newSchedule(), epochs);
            lastCommitStats = c.stats();
            // After the batch and the tip: a crash in between leaves the store one block above the marker, which the next open accepts.
            marker.committed(c.newHead().height(), c.newHead().blockHash());
            if (Handovers.due(block.height(), c.newSchedule())) {
                takeHandover(block.height() + 1);
            }
            return c.receipts();
        }
    }

    private static BlockRefusedException refused(Block block, Validation.Refused why) {
        return new BlockRefusedException(why.code(), "block " + block.height() + " (" + block.hash() + ") cannot be committed: " + why.message());
    }

    /**
     * The block is committed whatever happens here, so a failed write is not the commit's failure: the
     * record is then missing on this node (logged, and listed by {@link #missingHandovers()}).
     */
    private void takeHandover(long base) {
        try {
            Handovers.take(db, base);
        } catch (LedgerException e) {
            LOG.warn("block {} is committed but its hand-over record for validator epoch {} could not be written: {}", base - 1, base,
                    e.getMessage());
            List<Long> more = new ArrayList<>(missingHandovers);
            more.add(base);
            missingHandovers = List.copyOf(more);
        }
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
        return missingHandovers;
    }

    /**
     * The validator epoch in force at {@code height}: the set that proposes and certifies that block.
     * Defined for committed heights and for the next one ({@code 1 <= height <= height() + 1}); for the
     * next height it is the pending epoch when that starts there.
     *
     * @throws IllegalArgumentException for a height outside that range
     */
    public ValidatorEpoch epochAt(long height) {
        return epochAt(tip, height);
    }

    private static ValidatorEpoch epochAt(Tip t, long height) {
        long next = t.head().height() + 1;
        if (height < 1 || height > next) {
            throw new IllegalArgumentException("height " + height + " is outside 1.." + next + " (the committed heights and the next one)");
        }
        if (height == next && t.schedule().promotesAt(height)) {
            return t.schedule().pending().get();
        }
        List<ValidatorEpoch> epochs = t.epochs();
        for (int i = epochs.size() - 1; i >= 0; i--) {
            if (epochs.get(i).base() < height) {
                return epochs.get(i);
            }
        }
        throw new IllegalStateException("no validator epoch covers height " + height + "; the genesis epoch starts at 0");
    }

    /** The epoch governance has approved that is not yet in force (its base is the checkpoint it starts after). */
    public Optional<ValidatorEpoch> pendingEpoch() {
        return tip.schedule().pending();
    }

    /** Every epoch that has been in force so far, oldest (genesis, base 0) first; the last is in force at the tip. */
    public List<ValidatorEpoch> epochs() {
        return tip.epochs();
    }

    /**
     * Records, before this node sends anything signed above the current bound, that it may sign PBFT
     * messages up to height {@code height} (its stable checkpoint plus the watermark window): a rebuild
     * of the store later keeps the node silent through it. Writes the marker only when the bound rises.
     */
    public void coverSignableThrough(long height) throws LedgerException {
        synchronized (writerLock) {
            if (height > marker.current().signableThrough()) {
                marker.write(marker.current().withSignableThrough(height));
            }
        }
    }

    /**
     * This node must not vote at or below this height: its store was rebuilt from peers and its vote
     * records with it (see {@link OpenMode#RESYNC_FROM_PEERS}); 0 when it has lost nothing.
     */
    public long silentThrough() {
        return marker.current().silentThrough();
    }

    /** Where the head marker lives. */
    public Path markerFile() {
        return marker.file();
    }

    /** Timings and counts of the last commit; null before the first. */
    public CommitStats lastCommitStats() {
        return lastCommitStats;
    }

    public Optional<StoredBlock> blockByHeight(long height) {
        if (height < 1) {
            return Optional.empty();
        }
        return db.withSnapshot(r -> {
            byte[] b = r.get(Cf.BLOCKS, Keys.height(height));
            byte[] c = r.get(Cf.CERTS, Keys.height(height));
            if (b == null || c == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredBlock(Block.decode(b), CommitCertificate.decode(c)));
        });
    }

    public Optional<StoredBlock> blockByHash(Hash32 hash) {
        byte[] h = db.get(Cf.BLOCK_BY_HASH, hash.toBytes());
        if (h == null) {
            return Optional.empty();
        }
        return blockByHeight(new CanonicalReader(h).varint("height"));
    }

    public Optional<TxLocation> transaction(Hash32 txId) {
        byte[] v = db.get(Cf.TX_INDEX, txId.toBytes());
        return v == null ? Optional.empty() : Optional.of(TxLocation.decode(v));
    }

    public Optional<Receipt> receipt(Hash32 txId) {
        byte[] v = db.get(Cf.RECEIPTS, txId.toBytes());
        return v == null ? Optional.empty() : Optional.of(Receipt.decode(v));
    }

    /** The maintained counters of the tip. */
    public MtnTotals totals() {
        return tip.totals();
    }

    /** Sums every stored balance by scanning the accounts; slow, for tests and audits. */
    public long sumOfAllBalancesByScan() {
        long[] sum = {0};
        db.scan(Cf.ACCOUNTS, (k, v) -> sum[0] = Math.addExact(sum[0], Account.decode(v).balance()));
        return sum[0];
    }

    /** Rebuilds the state root from every stored account and entry, ignoring the stored tree; slow, for tests and audits. */
    public Hash32 stateRootByScan() {
        var changes = SparseMerkleTree.newChangeMap();
        db.scan(Cf.ACCOUNTS, (k, v) -> {
            Address a = Address.ofBytes(k);
            changes.put(StateKeys.accountTreeKey(a).toBytes(), io.mutualchain.ledger.state.SmtHashing.valueHash(v));
        });
        db.scan(Cf.STATE, (k, v) -> changes.put(StateKeys.treeKey(k).toBytes(), io.mutualchain.ledger.state.SmtHashing.valueHash(v)));
        return Hash32.of(SparseMerkleTree.update((d, p) -> null, changes).root());
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
        return db.withSnapshot(r -> {
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            Account account = readAccount(r, a);
            Hash32 key = StateKeys.accountTreeKey(a);
            return new AccountProof(a, account, head.height(), head.stateRoot(), SparseMerkleTree.prove(TreeNodes.reading(r), key.toBytes()));
        });
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
        return db.withSnapshot(r -> {
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            byte[] value = r.get(Cf.STATE, stateKey);
            Hash32 key = StateKeys.treeKey(stateKey);
            return new EntryProof(stateKey, Optional.ofNullable(value), head.height(), head.stateRoot(),
                    SparseMerkleTree.prove(TreeNodes.reading(r), key.toBytes()));
        });
    }

    /** Writes the consensus engine's records in one synced batch: {@code puts} (values must not be null), then {@code deletes}. */
    public void consensusWrite(List<Map.Entry<byte[], byte[]>> puts, List<byte[]> deletes) throws LedgerException {
        for (Map.Entry<byte[], byte[]> e : puts) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("consensus records need a key and a value; delete through the deletes list");
            }
        }
        db.writeSynced(batch -> {
            for (Map.Entry<byte[], byte[]> e : puts) {
                batch.put(Cf.CONSENSUS, e.getKey(), e.getValue());
            }
            for (byte[] k : deletes) {
                batch.delete(Cf.CONSENSUS, Objects.requireNonNull(k, "consensus delete key"));
            }
        });
    }

    /** Every consensus record, keyed by the lower-case hex of its key, in key order. */
    public SortedMap<String, byte[]> consensusEntries() {
        SortedMap<String, byte[]> out = new TreeMap<>();
        db.scan(Cf.CONSENSUS, (k, v) -> out.put(Hex.encode(k), v));
        return out;
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
