package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Signed;
import org.junit.jupiter.api.Test;

/**
 * The block-time rule (proposer-based timestamps, docs/consensus.md "Block time"): with PRECISION
 * 500 ms and MSGDELAY 3,000 ms a backup whose clock reads r votes only for a new proposal stamped in
 * [r - 3,500, r + 500]; a re-proposal with a prepared certificate and a synced block are not judged
 * by the clock.
 */
class BlockTimeTest {
    static final int PRECISION_MS = 500;
    static final int DELAY_MS = 3_000;
    static final long NOW_MS = 1_764_000_000_000L;

    private final TestChain chain = new TestChain(4, 4, 8, PRECISION_MS, DELAY_MS);

    {
        chain.nowMs = NOW_MS;
    }

    private byte[] prePrepare(long timestampMs) {
        Block b = chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, timestampMs);
        return Signed.sign(new PrePrepare(0, 1, b), chain.keys.get(0), TestChain.CHAIN_ID).encode();
    }

    private PbftEngine backup() {
        return chain.engine(1, b -> Verdict.VALID);
    }

    @Test
    void aProposalStampedMoreThanPrecisionAheadOfTheBackupsClockIsRefusedAsTooFarAhead() {
        PbftEngine e = backup();
        StepResult r = e.step(chain.keys.get(0).publicKey(), prePrepare(NOW_MS + PRECISION_MS + 1));
        assertThat(r.reason()).isEqualTo(RejectReason.UNTIMELY);
        assertThat(e.lastUntimely().kind()).isEqualTo(Untimely.Kind.TOO_FAR_AHEAD);
        assertThat(e.lastUntimely().boundMs()).isEqualTo(NOW_MS + PRECISION_MS);
        assertThat(e.lastUntimely().localTimeMs()).isEqualTo(NOW_MS);
        assertThat(e.untimelyProposals()).isEqualTo(1);
        assertThat(r.message()).contains("proposed by " + chain.keys.get(0).publicKey());
    }

    @Test
    void aProposalStampedMoreThanPrecisionPlusMessageDelayBehindTheBackupsClockIsRefusedAsTooFarBehind() {
        PbftEngine e = backup();
        StepResult r = e.step(chain.keys.get(0).publicKey(), prePrepare(NOW_MS - PRECISION_MS - DELAY_MS - 1));
        assertThat(r.reason()).isEqualTo(RejectReason.UNTIMELY);
        assertThat(e.lastUntimely().kind()).isEqualTo(Untimely.Kind.TOO_FAR_BEHIND);
        assertThat(e.lastUntimely().boundMs()).isEqualTo(NOW_MS - PRECISION_MS - DELAY_MS);
    }

    @Test
    void anUntimelyProposalGetsNoPrepareAndTheBackupAsksForAViewChange() {
        PbftEngine e = backup();
        e.step(chain.keys.get(0).publicKey(), prePrepare(NOW_MS + 800L * 24 * 3600 * 1000));
        assertThat(e.ready().persist()).extracting(PersistOp::key).doesNotContain("pbft/p/00000000000000000001");
        assertThat(e.isViewActive()).isFalse();
        assertThat(e.view()).isEqualTo(1);
        assertThat(e.lastViewChangeCause()).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(ViewChangeCause.Kind.UNTIMELY_PROPOSAL);
            assertThat(c.fromView()).isZero();
            assertThat(c.toView()).isEqualTo(1);
            assertThat(c.detail()).contains("is after the bound");
        });
    }

    @Test
    void proposalsAtEitherEdgeOfTheWindowArePrepared() {
        for (long t : new long[] {NOW_MS + PRECISION_MS, NOW_MS, NOW_MS - PRECISION_MS - DELAY_MS}) {
            PbftEngine e = backup();
            assertThat(e.step(chain.keys.get(0).publicKey(), prePrepare(t)).isAccepted()).as("stamped %d", t).isTrue();
            assertThat(e.ready().persist()).extracting(PersistOp::key).contains("pbft/p/00000000000000000001");
            assertThat(e.isViewActive()).isTrue();
        }
    }

    @Test
    void aPrimaryWhoseClockIsFarAheadIsReplacedByAViewChangeAndTheNextPrimaryCommitsAtHonestTime() {
        LocalCluster c = new LocalCluster(chain);
        c.clock = NOW_MS + 800L * 24 * 3600 * 1000; // LocalCluster's primary stamps its blocks with this
        assertThat(c.propose()).isTrue();
        c.settle();
        for (int i = 1; i < 4; i++) {
            assertThat(c.ledgers.get(i)).isEmpty();
            assertThat(c.engines.get(i).view()).isEqualTo(1);
        }
        c.clock = NOW_MS;
        assertThat(c.propose()).isTrue();
        c.settle();
        for (int i = 1; i < 4; i++) {
            assertThat(c.ledgers.get(i)).hasSize(1);
            assertThat(c.ledgers.get(i).get(0).block().header().proposer()).isEqualTo(c.key(1));
            assertThat(c.ledgers.get(i).get(0).block().header().timestampMs()).isEqualTo(NOW_MS);
        }
    }

    @Test
    void aBlockPreparedBeforeAViewChangeIsReproposedAndCommittedAfterItsTimeHasLeftTheWindow() {
        LocalCluster c = new LocalCluster(chain);
        c.clock = NOW_MS;
        // every COMMIT of view 0 is lost: the block prepares everywhere but commits nowhere
        c.drop = env -> c.codec.decode(env.payload()).body() instanceof Commit cm && cm.view() == 0;
        c.propose();
        c.settle();
        assertThat(c.ledgers.get(1)).isEmpty();
        chain.nowMs = NOW_MS + 3_600_000; // an hour passes: the block is far behind every clock now
        c.isolated.add(0);
        c.tick(15);
        c.settle();
        for (int i = 1; i < 4; i++) {
            assertThat(c.ledgers.get(i)).hasSize(1);
            assertThat(c.ledgers.get(i).get(0).block().header().timestampMs()).isEqualTo(NOW_MS);
            assertThat(c.ledgers.get(i).get(0).certificate().view()).isEqualTo(1);
            assertThat(c.engines.get(i).untimelyProposals()).isZero();
        }
    }

    @Test
    void aBlockFetchedBySyncIsCommittedByItsCertificateWhateverTheLocalClockSays() {
        LocalCluster c = new LocalCluster(chain);
        c.clock = NOW_MS;
        c.isolated.add(3);
        c.propose();
        c.settle();
        assertThat(c.ledgers.get(0)).hasSize(1);
        chain.nowMs = NOW_MS + 30L * 24 * 3600 * 1000; // a month later, replica 3 comes back
        c.isolated.remove(3);
        c.syncFrom(3, 0);
        assertThat(c.ledgers.get(3)).hasSize(1);
        assertThat(c.engines.get(3).untimelyProposals()).isZero();
    }

    @Test
    void anHonestPrimaryStampsItsClockOrJustAfterItsParentAndWaitsWhenTheParentIsBeyondThePrecision() {
        BlockTimeRule rule = new BlockTimeRule(chain.params);
        assertThat(rule.proposalTime(NOW_MS - 10, NOW_MS)).hasValue(NOW_MS);
        assertThat(rule.proposalTime(NOW_MS + 100, NOW_MS)).hasValue(NOW_MS + 101);
        assertThat(rule.proposalTime(NOW_MS + PRECISION_MS - 1, NOW_MS)).hasValue(NOW_MS + PRECISION_MS);
        assertThat(rule.proposalTime(NOW_MS + PRECISION_MS, NOW_MS)).isEmpty();
        PbftEngine primary = chain.engine(0, b -> Verdict.VALID);
        assertThat(primary.proposalTimestamp(NOW_MS + 10L * PRECISION_MS)).isEmpty();
        assertThat(primary.proposalTimestamp(NOW_MS - 1)).hasValue(NOW_MS);
    }

    @Test
    void aProposalThatWaitedInTheNodesQueueIsJudgedByWhenItArrivedNotWhenItWasHandled() {
        PbftEngine e = backup();
        long arrived = NOW_MS;
        chain.nowMs = NOW_MS + 10_000; // handled ten seconds later, behind a long block execution
        assertThat(e.step(chain.keys.get(0).publicKey(), prePrepare(NOW_MS - 100), arrived).isAccepted()).isTrue();
    }

    @Test
    void anArrivalTimeLaterThanTheClockCountsAsNowSoItCannotWidenTheWindowAhead() {
        PbftEngine e = backup();
        StepResult r = e.step(chain.keys.get(0).publicKey(), prePrepare(NOW_MS + 5_000), NOW_MS + 10_000);
        assertThat(r.reason()).isEqualTo(RejectReason.UNTIMELY);
        assertThat(e.lastUntimely().localTimeMs()).isEqualTo(NOW_MS);
    }

    @Test
    void aProposalBufferedWhileTheBackupWaitsForTheNewViewIsJudgedByWhenItArrived() {
        LocalCluster c = new LocalCluster(chain);
        c.isolated.add(0);
        c.drop = env -> env.to() == 3 && c.describe(env.payload()).equals("NEW_VIEW");
        c.tick(15); // 1 and 2 enter view 1; 3 asked for it but does not see the NEW-VIEW
        assertThat(c.engines.get(1).isViewActive()).isTrue();
        assertThat(c.engines.get(3).isViewActive()).isFalse();
        c.clock = NOW_MS;
        assertThat(c.propose()).isTrue(); // 3 buffers the pre-prepare of view 1, arriving now
        c.settle();
        chain.nowMs = NOW_MS + 10_000; // the NEW-VIEW comes ten seconds later
        c.drop = env -> false;
        c.tick(12);
        assertThat(c.engines.get(3).view()).isEqualTo(1);
        assertThat(c.engines.get(3).isViewActive()).isTrue();
        assertThat(c.engines.get(3).untimelyProposals()).isZero();
        assertThat(c.ledgers.get(3)).hasSize(1);
    }
}
