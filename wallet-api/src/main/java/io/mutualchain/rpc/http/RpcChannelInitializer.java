package io.mutualchain.rpc.http;

import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each connection's pipeline: idle timeout, HTTP codec with bounded request line and headers,
 * an aggregator bounded by the body limit (it answers 413 itself), then the JSON-RPC handler. Counts
 * open connections and closes any beyond the limit as soon as it is accepted.
 */
public final class RpcChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger LOG = LoggerFactory.getLogger(RpcChannelInitializer.class);
    /** Longest request line ("POST / HTTP/1.1" needs 15). */
    public static final int INITIAL_LINE_BYTES_MAX = 4096;
    /** Largest header block. */
    public static final int HEADER_BYTES_MAX = 8192;

    private final JsonRpcDispatcher dispatcher;
    private final WorkerPool workers;
    private final int maxBodyBytes;
    private final int idleTimeoutSeconds;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();

    public RpcChannelInitializer(JsonRpcDispatcher dispatcher, WorkerPool workers, int maxBodyBytes, int idleTimeoutSeconds,
                                 int maxConnections) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.maxBodyBytes = maxBodyBytes;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.maxConnections = maxConnections;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            LOG.warn("refusing RPC connection from {}: {} connections are open, the limit", ch.remoteAddress(), maxConnections);
            ch.close();
            return;
        }
        ch.closeFuture().addListener(f -> open.decrementAndGet());
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS))
                .addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                        .setMaxInitialLineLength(INITIAL_LINE_BYTES_MAX)
                        .setMaxHeaderSize(HEADER_BYTES_MAX)))
                .addLast("aggregate", new HttpObjectAggregator(maxBodyBytes))
                .addLast("jsonrpc", new HttpRpcHandler(dispatcher, workers));
    }

    /** Connections open right now. */
    public int openConnections() {
        return open.get();
    }
}
