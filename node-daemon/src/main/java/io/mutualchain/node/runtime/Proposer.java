package io.mutualchain.node.runtime;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.net.Network;
import io.mutualchain.pbft.LocalClock;
import io.mutualchain.pbft.PbftEngine;
import java.util.List;
import java.util.OptionalLong;

/**
 * Building this node's proposals: whether it may and should propose now (it is the primary, links to
 * a quorum are up, the parent's time allows a timely stamp, and there are transactions or the
 * empty-block interval has passed), and the block it proposes from the pool on top of the committed
 * tip. Runs on the consensus loop's thread only, like the engine it hands the block to.
 */
final class Proposer {
    /**
     * Bytes of a block's size limit kept free when the pool fills a proposal: the pool counts only the
     * transactions' own encodings, and the encoded block adds its header (a few hundred bytes: chain id,
     * hashes, roots, proposer) and the body's count and length prefixes. A proposal over
     * {@code maxBlockBytes} would be refused by every validator and cost a view change.
     */
    static final long BLOCK_OVERHEAD_BYTES = 4096L;

    private final Ledger ledger;
    private final Mempool mempool;
    private final Network network;
    private final PublicKey self;
    private final ChainParams params;
    private final LocalClock clock;
    private final long emptyBlockIntervalMs;
    private final LoopActivity activity;
    private final ProposalBudget budget;

    Proposer(Ledger ledger, Mempool mempool, Network network, PublicKey self, LocalClock clock, long emptyBlockIntervalMs,
             LoopActivity activity) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.network = network;
        this.self = self;
        this.params = ledger.genesis().params();
        this.clock = clock;
        this.emptyBlockIntervalMs = emptyBlockIntervalMs;
        this.activity = activity;
        this.budget = new ProposalBudget(params.messageDelayMs(), params.maxBlockTxs());
    }

    /** The block at {@code height} was committed here (consensus thread): the budget learns from this node's own proposals. */
    void committed(long height) {
        budget.committed(height, clock.nowMs());
    }

    /** The most transactions this node's next proposal will carry (a metric). */
    int proposalMaxTxs() {
        return budget.maxTxs();
    }

    /**
     * Whether this node has links to enough validators of the epoch to make progress (itself and its
     * connected peers form a quorum). Without them the engine's clock is held: nothing can commit, a
     * VIEW-CHANGE would reach too few to matter, and a node that timed out alone (say it restarted
     * before its peers were reachable) would sit in a higher view than everyone else and not vote
     * until the others change view too (PBFT lets no replica go back to a lower view).
     *
     * @param currentSet the validator set of the epoch in force
     */
    boolean quorumConnected(ValidatorSet currentSet) {
        if (network == Network.NONE) {
            return true;
        }
        int linked = 1;
        for (PublicKey peer : network.connected()) {
            linked += currentSet.contains(peer) ? 1 : 0;
        }
        return linked >= currentSet.quorum();
    }

    /**
     * Proposes the next block to {@code engine} if this node may and there is a reason to (transactions,
     * or the empty-block interval passed); whether it did.
     *
     * @param engine     this epoch's engine, or null while this node observes
     * @param currentSet the validator set of the epoch in force
     */
    boolean maybePropose(PbftEngine engine, ValidatorSet currentSet) {
        if (engine == null || !engine.canPropose() || !quorumConnected(currentSet)) {
            return false; // without links to a quorum a proposal would only wait, and grow untimely, until they come up
        }
        long now = clock.nowMs();
        OptionalLong earliest = engine.proposalTimestamp(ledger.lastBlockTimeMs());
        if (earliest.isEmpty()) {
            return false; // the parent is stamped beyond this clock's precision: wait for the clock rather than propose an untimely block
        }
        activity.now("proposing a block");
        List<Transaction> txs = mempool.takeForBlock(budget.maxTxs(), params.maxBlockBytes() - BLOCK_OVERHEAD_BYTES, params.blockGasLimit());
        if (txs.isEmpty() && now - ledger.lastBlockTimeMs() < emptyBlockIntervalMs) {
            return false;
        }
        // Stamped after the transactions were chosen, as close to sending as the header allows: the
        // backups judge the stamp against when the proposal reaches them.
        long timestamp = engine.proposalTimestamp(ledger.lastBlockTimeMs()).orElse(earliest.getAsLong());
        long height = engine.nextProposalHeight();
        Block block = BlockBuilder.build(ledger.genesis().chainId(), height, ledger.lastBlockHash(),
                ledger.lastBlockTimeMs(), ledger.stateRoot(), ledger.receiptsRoot(), txs, self, engine.view(), timestamp);
        engine.propose(block);
        budget.proposed(height, txs.size(), clock.nowMs());
        return true;
    }
}
