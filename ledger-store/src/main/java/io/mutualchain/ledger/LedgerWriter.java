package io.mutualchain.ledger;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.RocksLedgerDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a ledger: proposal validation, commit and the head marker's signing bound, under
 * one lock because each reads the tip and the next must see what the last one wrote. It owns the tip
 * readers see and swaps it only after a commit's synced batch. The order of a commit's writes is
 * consensus- and durability-critical: the block's batch, then the tip, then the marker, then the
 * epoch hand-over record (see {@link Handovers} for that crash window).
 */
final class LedgerWriter {
    // Logged under the front's name, as before the split, so operators' log filters keep matching.
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final RocksLedgerDb db;
    private final Genesis genesis;
    private final VerifiedTxCache verified;
    private final MarkerFile marker;
    /** Serialises validateProposal and commit: both read the tip and must not interleave. */
    private final Object writerLock = new Object();
    /** Readers see a head and its totals as one immutable value, swapped after each synced write. */
    private volatile LedgerTip tip;
    private volatile CommitStats lastCommitStats;
    /** The last proposal that passed validation, with its execution; guarded by {@link #writerLock}. */
    private ValidatedExecution validated;
    private volatile long reusedExecutions;
    /** Bases of started (or due) epochs whose hand-over record this node lacks; see {@link Handovers}. */
    private volatile List<Long> missingHandovers;

    /** A block that passed proposal validation on top of {@code parent}, and what executing it produced there. */
    private record ValidatedExecution(Hash32 blockHash, Head parent, BlockExecutor.Result result) {
    }

    LedgerWriter(RocksLedgerDb db, Genesis genesis, VerifiedTxCache verified, LedgerTip tip, List<Long> missingHandovers, MarkerFile marker) {
        this.db = db;
        this.genesis = genesis;
        this.verified = verified;
        this.tip = tip;
        this.missingHandovers = missingHandovers;
        this.marker = marker;
    }

    LedgerTip tip() {
        return tip;
    }

    CommitStats lastCommitStats() {
        return lastCommitStats;
    }

    long reusedExecutions() {
        return reusedExecutions;
    }

    List<Long> missingHandovers() {
        return missingHandovers;
    }

    /** See {@link Ledger#validateProposal(Block)}. */
    Validation validateProposal(Block block) {
        synchronized (writerLock) {
            LedgerTip t = tip;
            ProposalValidator.Checked c = ProposalValidator.validate(block, t.head(), genesis, t.epochAt(t.head().height() + 1).validators(),
                    db::get, verified::check);
            validated = c.refusal().isOk() ? new ValidatedExecution(block.hash(), t.head(), c.executed()) : null;
            return c.refusal();
        }
    }

    /** See {@link Ledger#commit(Block, CommitCertificate)}. */
    List<Receipt> commit(Block block, CommitCertificate cert) throws LedgerException {
        synchronized (writerLock) {
            LedgerTip t = tip;
            Head head = t.head();
            if (block.height() != head.height() + 1) {
                throw refused(block, Validation.refused(HeaderLinkCode.NOT_NEXT_HEIGHT, "block height " + block.height()
                        + " does not follow the committed height " + head.height()));
            }
            ValidatorSet validators = t.epochAt(head.height() + 1).validators();
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
            tip = new LedgerTip(c.newHead(), c.newTotals(), c.newSchedule(), epochs);
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

    /** See {@link Ledger#coverSignableThrough(long)}. */
    void coverSignableThrough(long height) throws LedgerException {
        synchronized (writerLock) {
            if (height > marker.current().signableThrough()) {
                marker.write(marker.current().withSignableThrough(height));
            }
        }
    }

    long silentThrough() {
        return marker.current().silentThrough();
    }

    Path markerFile() {
        return marker.file();
    }
}
