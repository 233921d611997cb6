package io.mutualchain.rpc;

import io.mutualchain.rpc.http.RpcChannelInitializer;
import io.mutualchain.rpc.http.WorkerPool;
import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.methods.NodeMethods;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 HTTP server. Lifecycle: construct, {@link #start()} (binds or throws), {@link
 * #close()} (idempotent; stops accepting, lets running calls finish for up to {@link
 * WorkerPool#SHUTDOWN_WAIT_MS}). See docs/api.md for the methods and the HTTP behaviour.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** How long start() waits for the bind to succeed or fail. */
    public static final long BIND_TIMEOUT_MS = 10_000;
    /** How long close() waits for the event loops to stop. */
    public static final long EVENT_LOOP_SHUTDOWN_MS = 2_000;
    /** Connections the OS may queue before accept(). */
    public static final int ACCEPT_BACKLOG = 128;

    private final RpcConfig config;
    private final MethodRegistry methods;
    private EventLoopGroup loops;
    private WorkerPool workers;
    private Channel serverChannel;
    private boolean started;
    private boolean closed;

    /** Serves the {@code mc_} methods over {@code api}. */
    public RpcServer(RpcConfig config, NodeApi api) {
        this(config, NodeMethods.registerAll(new MethodRegistry(), api));
    }

    /** Serves exactly the methods in {@code methods}; the daemon may add its own before start(). */
    public RpcServer(RpcConfig config, MethodRegistry methods) {
        this.config = config;
        this.methods = methods;
    }

    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("RPC server already started");
        }
        started = true;
        workers = new WorkerPool(config.workerThreads(), config.queueCapacity(), "rpc-worker");
        loops = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("rpc-io", true), NioIoHandler.newFactory());
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, config.maxBatch());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RpcChannelInitializer(dispatcher, workers, config.maxBodyBytes(),
                        config.idleTimeoutSeconds(), config.maxConnections()));
        ChannelFuture bind = bootstrap.bind(config.host(), config.port());
        boolean done = bind.awaitUninterruptibly(BIND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!done || !bind.isSuccess()) {
            Throwable cause = done ? bind.cause() : null;
            shutdown();
            throw bindFailure(cause);
        }
        serverChannel = bind.channel();
        LOG.info("JSON-RPC listening on http://{}:{}/", config.host(), port());
    }

    private IOException bindFailure(Throwable cause) {
        String where = "port " + config.port() + " on " + config.host();
        if (cause == null) {
            return new IOException("cannot bind the RPC server to " + where + ": no answer within " + BIND_TIMEOUT_MS + " ms");
        }
        String msg = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof BindException && msg.contains("in use")) {
            return new IOException(where + " is already in use (another node or program is listening there; pick another --rpc-port)", cause);
        }
        return new IOException("cannot bind the RPC server to " + where + ": " + cause.getMessage(), cause);
    }

    /** The bound port (useful with port 0); the configured port before start(). */
    public synchronized int port() {
        return serverChannel == null ? config.port() : ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** http://host:port/ of the running server. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** Registered method names, sorted. */
    public java.util.List<String> methodNames() {
        return methods.names();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdown();
    }

    /** Stop accepting, let calls in progress finish and answer, then stop the event loops. */
    private void shutdown() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_MS);
        }
        if (workers != null) {
            workers.close();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_MS);
        }
    }
}
