package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rocksdb.RocksDBException;

/**
 * One block's commit, computed first and written second: {@link #prepare} executes the block and
 * updates the state tree against the committed data without writing anything, {@link #fill} puts all
 * of it into the single write batch. Keeping the two apart means a failure while computing leaves the
 * database untouched.
 */
final class BlockCommit {
    private final Block block;
    private final CommitCertificate cert;
    private final BlockExecutor.Result result;
    private final List<Receipt> receipts;
    private final List<Integer> indexed;
    private final SparseMerkleTree.Update tree;
    private final Head newHead;
    private final MtnTotals newTotals;
    private final ValidatorSchedule newSchedule;
    /** The epoch this block started, to be added to the history; null for most blocks. */
    private final ValidatorEpoch promoted;
    private final long executeNanos;
    private final long treeNanos;
    private final long prepareEnd;

    private BlockCommit(Block block, CommitCertificate cert, BlockExecutor.Result result, List<Receipt> receipts, List<Integer> indexed,
                        SparseMerkleTree.Update tree, Head newHead, MtnTotals newTotals, ValidatorSchedule newSchedule, ValidatorEpoch promoted,
                        long executeNanos, long treeNanos, long prepareEnd) {
        this.block = block;
        this.cert = cert;
        this.result = result;
        this.receipts = receipts;
        this.indexed = indexed;
        this.tree = tree;
        this.newHead = newHead;
        this.newTotals = newTotals;
        this.newSchedule = newSchedule;
        this.promoted = promoted;
        this.executeNanos = executeNanos;
        this.treeNanos = treeNanos;
        this.prepareEnd = prepareEnd;
    }

    /**
     * @param schedule   the validator schedule of the committed tip
     * @param validators the set in force at the block's height (the schedule's current set, or its pending one if it starts here)
     * @param executed   the block's execution on this same committed state, when proposal validation already ran it
     */
    static BlockCommit prepare(RocksLedgerDb db, Block block, CommitCertificate cert, MtnTotals totals, Genesis genesis,
                               ValidatorSchedule schedule, ValidatorSet validators, Function<Transaction, Optional<TxRejection>> stateless,
                               Optional<BlockExecutor.Result> executed) {
        long t0 = System.nanoTime();
        long height = block.height();
        Hash32 blockHash = block.hash();
        List<Transaction> txs = block.transactions();
        BlockExecutor.Result r = executed.orElseGet(() -> BlockExecutor.execute(new DbState(db::get), txs,
                new BlockExecutor.BlockContext(height, block.header().timestampMs(), Address.of(block.header().proposer()), genesis, validators),
                stateless));
        List<Receipt> receipts = new ArrayList<>(txs.size());
        List<Integer> indexed = new ArrayList<>(txs.size());
        Map<Hash32, Receipt> inBlock = new HashMap<>();
        for (int i = 0; i < txs.size(); i++) {
            BlockExecutor.TxOutcome o = r.outcomes().get(i);
            Hash32 id = txs.get(i).id();
            Receipt receipt = switch (o.status()) {
                case SUCCESS -> new Receipt(id, height, i, blockHash, Receipt.Status.SUCCESS, "", o.feePaid(), o.contract().orElse(null));
                case REJECTED -> new Receipt(id, height, i, blockHash, Receipt.Status.REJECTED, errorText(o.rejection().get()), o.feePaid(),
                        o.contract().orElse(null));
                case FAILED -> new Receipt(id, height, i, blockHash, Receipt.Status.FAILED, errorText(o.rejection().get()), 0);
            };
            receipts.add(receipt);
            if (receipt.executed() || !hasSuccessfulReceipt(db, inBlock, id)) {
                indexed.add(i);
                inBlock.put(id, receipt);
            }
        }
        long t1 = System.nanoTime();
        SparseMerkleTree.Update tree = StateTreeChanges.apply(TreeNodes.reading(db::get), r.changed(), r.entries());
        long t2 = System.nanoTime();
        Head head = new Head(height, blockHash, block.header().timestampMs(), Hash32.of(tree.root()), ReceiptsRoot.of(txs, r.outcomes()));
        MtnTotals newTotals = new MtnTotals(totals.sumOfBalances(),
                totals.accounts() + r.accountsCreated() - r.accountsRemoved(), totals.feesPaid() + r.feesPaid());
        byte[] scheduleBytes = r.entries().get(StateKeys.validatorsKey());
        ValidatorSchedule newSchedule = scheduleBytes == null ? schedule : ValidatorSchedule.decode(scheduleBytes);
        ValidatorEpoch promoted = newSchedule.current().base() != schedule.current().base() ? newSchedule.current() : null;
        return new BlockCommit(block, cert, r, List.copyOf(receipts), indexed, tree, head, newTotals, newSchedule, promoted,
                t1 - t0, t2 - t1, t2);
    }

    /**
     * A transaction id is indexed once it succeeded; a replay of it (which can only fail, its nonce is
     * used) must not overwrite where it really happened. A failed one may be replaced by a later try.
     */
    private static boolean hasSuccessfulReceipt(RocksLedgerDb db, Map<Hash32, Receipt> inBlock, Hash32 id) {
        Receipt earlier = inBlock.get(id);
        if (earlier == null) {
            byte[] stored = db.get(Cf.RECEIPTS, id.toBytes());
            earlier = stored == null ? null : Receipt.decode(stored);
        }
        return earlier != null && earlier.executed();
    }

    /** The rejection as stored in the receipt, cut to the receipt's bound on a character boundary. */
    static String errorText(TxRejection rejection) {
        String s = rejection.toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > Receipt.MAX_ERROR_BYTES) {
            s = s.substring(0, s.length() - 16);
        }
        return s;
    }

    void fill(RocksLedgerDb.Batch batch) throws RocksDBException {
        long height = block.height();
        byte[] heightKey = Keys.height(height);
        batch.put(Cf.BLOCKS, heightKey, block.encode());
        batch.put(Cf.CERTS, heightKey, cert.encode());
        batch.put(Cf.BLOCK_BY_HASH, block.hash().toBytes(), new CanonicalWriter(10).uint(height).toByteArray());
        List<Transaction> txs = block.transactions();
        for (int i : indexed) {
            Transaction tx = txs.get(i);
            byte[] id = tx.id().toBytes();
            batch.put(Cf.TX_INDEX, id, new TxLocation(tx, height, i, block.hash()).encode());
            batch.put(Cf.RECEIPTS, id, receipts.get(i).encode());
        }
        for (Map.Entry<Address, Account> e : result.changed().entrySet()) {
            if (e.getValue().isEmpty()) {
                batch.delete(Cf.ACCOUNTS, e.getKey().toBytes());
            } else {
                batch.put(Cf.ACCOUNTS, e.getKey().toBytes(), e.getValue().encode());
            }
        }
        for (Map.Entry<byte[], byte[]> e : result.entries().entrySet()) {
            if (e.getValue().length == 0) {
                batch.delete(Cf.STATE, e.getKey());
            } else {
                batch.put(Cf.STATE, e.getKey(), e.getValue());
            }
        }
        TreeNodes.write(batch, tree.writes());
        batch.put(Cf.META, Keys.META_HEAD, newHead.encode());
        batch.put(Cf.META, Keys.META_TOTALS, newTotals.encode());
        if (promoted != null) {
            batch.put(Cf.META, Keys.epoch(promoted.base()), promoted.encode());
        }
    }

    ValidatorSchedule newSchedule() {
        return newSchedule;
    }

    /** The epoch that came into force with this block, if one did. */
    Optional<ValidatorEpoch> promoted() {
        return Optional.ofNullable(promoted);
    }

    Head newHead() {
        return newHead;
    }

    MtnTotals newTotals() {
        return newTotals;
    }

    List<Receipt> receipts() {
        return receipts;
    }

    /** Call after the write: the write time runs from the end of {@link #prepare} to now. */
    CommitStats stats() {
        int failed = 0;
        for (Receipt r : receipts) {
            failed += r.succeeded() ? 0 : 1;
        }
        return new CommitStats(block.height(), receipts.size(), failed, result.changed().size(), tree.writes().size(),
                executeNanos, treeNanos, System.nanoTime() - prepareEnd);
    }
}
