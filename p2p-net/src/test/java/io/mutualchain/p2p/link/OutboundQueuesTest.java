package io.mutualchain.p2p.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.p2p.Channel;
import io.mutualchain.p2p.P2pConfig;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OutboundQueuesTest {
    private static final int FRAME = 1000;
    private static final P2pConfig SMALL = P2pConfig.defaults(0, List.of()).withMaxFrameBytes(FRAME).withQueues(3, 4, 2, 2500);

    record Op(boolean offer, Channel channel, int size) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.of(Channel.class), Arbitraries.integers().between(0, FRAME))
                .as(Op::new);
        return op.list().ofMaxSize(200);
    }

    @Property(tries = 300)
    void noQueueEverExceedsItsMessageOrByteBoundAndConsensusNeverRefuses(@ForAll("ops") List<Op> ops) {
        OutboundQueues q = new OutboundQueues(SMALL);
        for (Op op : ops) {
            if (op.offer()) {
                OutboundQueues.Offer r = q.offer(op.channel(), new byte[op.size()]);
                if (op.channel() == Channel.CONSENSUS) {
                    assertThat(r.queued()).isTrue();
                } else {
                    assertThat(r.evicted()).isZero();
                }
            } else {
                q.poll();
            }
            for (Channel c : Channel.values()) {
                assertThat(q.size(c)).isLessThanOrEqualTo(SMALL.queueMax(c));
                assertThat(q.bytes(c)).isLessThanOrEqualTo(SMALL.queueBytesMax()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void fullGossipRefusesTheNewMessageAndKeepsTheOld() {
        OutboundQueues q = new OutboundQueues(SMALL);
        for (int i = 0; i < 4; i++) {
            assertThat(q.offer(Channel.TX_GOSSIP, new byte[] {(byte) i}).queued()).isTrue();
        }
        assertThat(q.offer(Channel.TX_GOSSIP, new byte[] {9})).isEqualTo(new OutboundQueues.Offer(false, 0));
        assertThat(q.poll().payload()).containsExactly(0);
    }

    @Test
    void fullConsensusDropsTheOldestToMakeRoom() {
        OutboundQueues q = new OutboundQueues(SMALL);
        for (int i = 0; i < 3; i++) {
            q.offer(Channel.CONSENSUS, new byte[] {(byte) i});
        }
        assertThat(q.offer(Channel.CONSENSUS, new byte[] {3})).isEqualTo(new OutboundQueues.Offer(true, 1));
        List<Integer> order = new ArrayList<>();
        for (OutboundQueues.Item it; (it = q.poll()) != null; ) {
            order.add((int) it.payload()[0]);
        }
        assertThat(order).containsExactly(1, 2, 3);
    }

    @Test
    void theByteBoundEvictsAsManyOldConsensusMessagesAsNeeded() {
        OutboundQueues q = new OutboundQueues(SMALL);
        q.offer(Channel.CONSENSUS, new byte[1000]);
        q.offer(Channel.CONSENSUS, new byte[1000]);
        assertThat(q.offer(Channel.CONSENSUS, new byte[1000])).isEqualTo(new OutboundQueues.Offer(true, 1));
        assertThat(q.bytes(Channel.CONSENSUS)).isEqualTo(2000);
    }

    @Test
    void consensusGoesFirstAndTheBulkChannelsTakeTurns() {
        OutboundQueues q = new OutboundQueues(SMALL);
        q.offer(Channel.TX_GOSSIP, new byte[] {1});
        q.offer(Channel.TX_GOSSIP, new byte[] {2});
        q.offer(Channel.BLOCK_SYNC, new byte[] {3});
        q.offer(Channel.BLOCK_SYNC, new byte[] {4});
        q.offer(Channel.CONSENSUS, new byte[] {5});
        List<Channel> order = new ArrayList<>();
        for (OutboundQueues.Item it; (it = q.poll()) != null; ) {
            order.add(it.channel());
        }
        assertThat(order).containsExactly(Channel.CONSENSUS, Channel.TX_GOSSIP, Channel.BLOCK_SYNC, Channel.TX_GOSSIP, Channel.BLOCK_SYNC);
    }
}
