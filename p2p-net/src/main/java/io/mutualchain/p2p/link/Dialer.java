package io.mutualchain.p2p.link;

import io.mutualchain.p2p.PeerAddress;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one configured peer dialled. At most one attempt is in flight or scheduled at a time. After
 * a failed attempt or a lost link it waits per {@link Backoff}. The backoff starts over only when a
 * link stayed up for {@code stableNanos}: a peer that accepts our handshake and then refuses us
 * (it banned us, or our key is not on its list) would otherwise be redialled at the minimum delay
 * forever.
 * It does not dial while the peer is linked (whoever dialled) and waits out a ban. All state is
 * confined to one event loop, so there are no locks.
 */
public final class Dialer {
    private static final Logger LOG = LoggerFactory.getLogger(Dialer.class);

    private final PeerAddress address;
    private final Bootstrap bootstrap;
    private final PeerRegistry registry;
    private final Backoff backoff;
    private final Counters counters;
    private final EventLoop loop;
    private final long stableNanos;
    private int failures;
    private long upSinceNanos = -1;
    private boolean inFlight;
    private ScheduledFuture<?> scheduled;
    private volatile boolean stopped;

    public Dialer(PeerAddress address, Bootstrap bootstrap, PeerRegistry registry, Backoff backoff, Counters counters, EventLoop loop,
                  long stableNanos) {
        this.address = address;
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.backoff = backoff;
        this.counters = counters;
        this.loop = loop;
        this.stableNanos = stableNanos;
    }

    public PeerAddress address() {
        return address;
    }

    public void start() {
        onLoop(() -> scheduleIn(0));
    }

    public void stop() {
        onLoop(() -> {
            stopped = true;
            if (scheduled != null) {
                scheduled.cancel(false);
                scheduled = null;
            }
        });
    }

    /** The peer is linked (whoever dialled). */
    public void peerUp() {
        long now = System.nanoTime();
        onLoop(() -> upSinceNanos = now);
    }

    /** The peer's link is gone: dial again unless an attempt is already under way. */
    public void peerDown() {
        long now = System.nanoTime();
        onLoop(() -> {
            if (upSinceNanos >= 0 && now - upSinceNanos >= stableNanos) {
                failures = 0;
            }
            upSinceNanos = -1;
            retryLater();
        });
    }

    private void retryLater() {
        if (stopped || inFlight || scheduled != null || registry.isConnected(address.key())) {
            return;
        }
        scheduleIn(backoff.delayNanos(failures++));
    }

    private void scheduleIn(long nanos) {
        if (stopped) {
            return;
        }
        scheduled = loop.schedule(this::attempt, nanos, TimeUnit.NANOSECONDS);
    }

    private void attempt() {
        scheduled = null;
        if (stopped || registry.isConnected(address.key())) {
            return;
        }
        long banLeft = registry.banRemainingNanos(address.key());
        if (banLeft > 0) {
            scheduleIn(banLeft);
            return;
        }
        if (failures > 0) {
            counters.reconnectAttempt();
        }
        inFlight = true;
        ChannelFuture connect = bootstrap.connect(address.host(), address.port());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                LOG.debug("p2p: dialling {} failed: {}", address, String.valueOf(f.cause()));
                onLoop(this::attemptOver);
            } else {
                connect.channel().closeFuture().addListener(c -> onLoop(this::attemptOver));
            }
        });
    }

    /** Runs on the dialler's loop; once the node is shutting its loops down there is nothing left to dial. */
    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            stopped = true;
        }
    }

    private void attemptOver() {
        inFlight = false;
        retryLater();
    }
}
