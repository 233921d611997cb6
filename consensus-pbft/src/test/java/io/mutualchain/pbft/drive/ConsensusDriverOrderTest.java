package io.mutualchain.pbft.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.PbftEngine;
import io.mutualchain.pbft.PersistOp;
import io.mutualchain.pbft.TestChain;
import io.mutualchain.pbft.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The driver's contract (docs/consensus.md §1) pinned step by step with recording ports: records are
 * written before anything is sent, the signable-through bound is recorded before the first signed
 * message leaves, a committed block reaches the chain before the engine hears of it, and a failed
 * write or chain write stops the driver before it sends or tells the engine anything more. The
 * simulator proves the same order under faults; these tests say which step broke when it does not.
 */
class ConsensusDriverOrderTest {
    /** What a recording port throws when told to fail. */
    static final class StoreFailure extends Exception {
        StoreFailure(String message) {
            super(message);
        }
    }

    /** Every port in one, writing what it is asked to do to {@link #log}. */
    static final class Recorder implements ConsensusStore<StoreFailure>, Transport, BlockApplier<StoreFailure>, SyncRequester,
            EpochSource {
        final List<String> log = new ArrayList<>();
        final TestChain chain;
        boolean failWrites;
        boolean failApply;
        ConsensusDriver<StoreFailure> driver;
        long height;
        Hash32 head = TestChain.GENESIS;
        Hash32 root = Hash32.ZERO;
        final TreeMap<String, byte[]> records = new TreeMap<>();

        Recorder(TestChain chain) {
            this.chain = chain;
        }

        @Override
        public void persist(List<PersistOp> ops) throws StoreFailure {
            if (failWrites) {
                throw new StoreFailure("disk full");
            }
            log.add("persist");
            for (PersistOp op : ops) {
                if (op.isDelete()) {
                    records.remove(op.key());
                } else {
                    records.put(op.key(), op.value());
                }
            }
        }

        @Override
        public void coverSignableThrough(long h) {
            log.add("cover " + h);
        }

        @Override
        public SortedMap<String, byte[]> records() {
            return new TreeMap<>(records);
        }

        @Override
        public void send(List<io.mutualchain.pbft.Outbound> messages) {
            log.add("send");
        }

        @Override
        public long height() {
            return height;
        }

        @Override
        public Hash32 headHash() {
            return head;
        }

        @Override
        public Hash32 stateRoot() {
            return root;
        }

        @Override
        public Hash32 apply(CommittedBlock block) throws StoreFailure {
            if (failApply) {
                throw new StoreFailure("chain write failed");
            }
            log.add("apply " + block.height());
            height = block.height();
            head = block.block().hash();
            root = TestChain.rootAfter(root, head);
            return root;
        }

        @Override
        public boolean follow(PublicKey from, CommittedBlock block) {
            return false;
        }

        @Override
        public void request(io.mutualchain.pbft.SyncRequest request) {
            log.add("sync");
        }

        @Override
        public EpochPlan current() {
            return new EpochPlan(0, chain.validators, true, 0);
        }

        @Override
        public OptionalLong scheduledEnd(long epochBase) {
            return OptionalLong.empty();
        }

        ConsensusDriver<StoreFailure> driver() {
            DriverEvents events = new DriverEvents() {
                @Override
                public void applied(CommittedBlock block, How how) {
                    log.add("applied " + block.height() + " " + how);
                }

                @Override
                public void epochOpened(EpochPlan plan) {
                    log.add("epoch " + plan.base());
                }
            };
            return new ConsensusDriver<>(chain.config(), () -> chain.nowMs, chain.keys.get(0), b -> Verdict.VALID,
                    new DriverPorts<>(this, this, this, this, this, events));
        }
    }

    /** A driver of validator 0 among {@code n}, its epoch opened. */
    private static Recorder opened(int n) throws StoreFailure {
        Recorder r = new Recorder(new TestChain(n, 4, 8));
        r.driver = r.driver();
        r.driver.open();
        return r;
    }

    private static Block firstBlock(TestChain chain) {
        return chain.block(1, TestChain.GENESIS, Hash32.ZERO, 0, chain.nowMs);
    }

    @Test
    void aPrimaryWritesItsRecordsThenItsSignableBoundThenSendsItsProposal() throws StoreFailure {
        Recorder r = opened(4);
        TestChain chain = r.chain;
        ConsensusDriver<StoreFailure> driver = r.driver;
        driver.engine().orElseThrow().propose(firstBlock(chain));

        assertThat(driver.drain()).isFalse();
        assertThat(r.log).containsExactly("epoch 0", "persist", "cover 8", "send");
    }

    @Test
    void aSingleValidatorsBlockReachesTheChainBeforeTheEngineHearsOfIt() throws StoreFailure {
        Recorder r = opened(1);
        TestChain chain = r.chain;
        ConsensusDriver<StoreFailure> driver = r.driver;
        PbftEngine engine = driver.engine().orElseThrow();
        engine.propose(firstBlock(chain));

        assertThat(driver.drain()).isTrue();
        assertThat(r.log).startsWith("epoch 0", "persist").contains("apply 1", "applied 1 COMMITTED");
        assertThat(r.log.indexOf("apply 1")).isLessThan(r.log.indexOf("applied 1 COMMITTED"));
        assertThat(r.log.indexOf("persist")).isLessThan(r.log.indexOf("apply 1"));
        assertThat(engine.canPropose()).as("the engine was told the block is applied").isTrue();
        assertThat(engine.nextProposalHeight()).isEqualTo(2);
    }

    @Test
    void aFailedWriteStopsTheDriverBeforeAnythingIsSent() throws StoreFailure {
        Recorder r = opened(4);
        TestChain chain = r.chain;
        ConsensusDriver<StoreFailure> driver = r.driver;
        driver.engine().orElseThrow().propose(firstBlock(chain));
        r.failWrites = true;

        assertThatThrownBy(driver::drain).isInstanceOf(StoreFailure.class).hasMessage("disk full");
        assertThat(r.log).containsExactly("epoch 0");
    }

    @Test
    void aFailedChainWriteLeavesTheEngineUntoldSoItCannotProposeOnAStateItDoesNotHave() throws StoreFailure {
        Recorder r = opened(1);
        TestChain chain = r.chain;
        ConsensusDriver<StoreFailure> driver = r.driver;
        PbftEngine engine = driver.engine().orElseThrow();
        engine.propose(firstBlock(chain));
        r.failApply = true;

        assertThatThrownBy(driver::drain).isInstanceOf(StoreFailure.class).hasMessage("chain write failed");
        assertThat(r.log).doesNotContain("applied 1 COMMITTED");
        assertThat(engine.canPropose()).isFalse();
    }

    @Test
    void aDriverRestartedAfterTheChainWriteButBeforeTheEngineHeardOfItDoesNotApplyTheBlockAgain() throws StoreFailure {
        Recorder r = opened(1);
        TestChain chain = r.chain;
        ConsensusDriver<StoreFailure> first = r.driver;
        first.engine().orElseThrow().propose(firstBlock(chain));
        r.failApply = true;
        assertThatThrownBy(first::drain).isInstanceOf(StoreFailure.class);

        // The chain write went through after all (a crash after the write, before the engine heard of it).
        assertThat(r.records).as("the commit was recorded before the chain write").isNotEmpty();
        r.failApply = false;
        Block b1 = firstBlock(chain);
        r.height = 1;
        r.head = b1.hash();
        r.root = TestChain.rootAfter(Hash32.ZERO, b1.hash());
        r.log.clear();
        ConsensusDriver<StoreFailure> restarted = r.driver();
        restarted.open();
        restarted.drain();

        assertThat(r.log).doesNotContain("apply 1");
        assertThat(restarted.engine().orElseThrow().nextProposalHeight()).isEqualTo(2);
    }
}
