package io.mutualchain.rpc.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.rpc.jsonrpc.JsonCodec;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound bound of one connection, over an in-process channel whose peer always reads: what
 * the server's own event loop has not yet written is never blamed on the client.
 */
class WsSessionTest {
    /** A small frame bound, so a burst of a few messages passes it. */
    private static final int FRAMES_MAX = 4;
    private static final int BURST = 3 * FRAMES_MAX;
    private static final long WAIT_SECONDS = WsTestClient.WAIT.toSeconds();

    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aBurstHandedOverWhileTheEventLoopIsBusyReachesAReadingClientWithoutADisconnect() throws Exception {
        LocalAddress address = new LocalAddress(WsSessionTest.class);
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        Channel server = new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        accepted.complete(ch);
                    }
                }).bind(address).sync().channel();
        AtomicInteger received = new AtomicInteger();
        Channel client = new Bootstrap().group(loop).channel(LocalChannel.class).handler(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                received.incrementAndGet();
                ReferenceCountUtil.release(msg);
            }
        }).connect(address).sync().channel();
        Channel toClient = accepted.get(WAIT_SECONDS, TimeUnit.SECONDS);
        AtomicLong slowDisconnects = new AtomicLong();
        WsSession session = new WsSession(toClient, WsLimits.defaults().withOutbound(WsLimits.DEFAULT_OUTBOUND_BYTES_MAX, FRAMES_MAX),
                slowDisconnects);

        // The event loop is busy (as a loaded machine's may be) while a producer hands over a burst.
        CountDownLatch busy = new CountDownLatch(1);
        loop.execute(() -> awaitQuietly(busy));
        AtomicInteger handed = new AtomicInteger();
        List<Boolean> accepts = new ArrayList<>();
        Thread producer = new Thread(() -> {
            for (int i = 0; i < BURST; i++) {
                boolean ok = session.send(JsonCodec.NODES.objectNode().put("n", i));
                synchronized (accepts) {
                    accepts.add(ok);
                }
                handed.incrementAndGet();
            }
        }, "burst-producer");
        producer.start();
        awaitTrue(() -> handed.get() >= FRAMES_MAX, "the producer handed over a full bound");
        busy.countDown();
        producer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(producer.isAlive()).as("the producer finished").isFalse();
        assertThat(accepts).hasSize(BURST).containsOnly(true);
        awaitTrue(() -> received.get() == BURST, "the client received the whole burst");
        assertThat(slowDisconnects.get()).isZero();
        assertThat(toClient.isActive()).isTrue();
        client.close().sync();
        server.close().sync();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WsTestClient.WAIT + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
