package io.mutualchain.rpc;

import io.mutualchain.rpc.admin.AdminApi;
import io.mutualchain.rpc.admin.AdminGuard;
import io.mutualchain.rpc.admin.AdminMethods;
import io.mutualchain.rpc.admin.AdminToken;
import io.mutualchain.rpc.http.RpcChannelInitializer;
import io.mutualchain.rpc.workers.WorkerPool;
import io.mutualchain.rpc.jsonrpc.JsonRpcDispatcher;
import io.mutualchain.rpc.jsonrpc.MethodRegistry;
import io.mutualchain.rpc.jsonrpc.OpenRpc;
import io.mutualchain.rpc.subscribe.ChainEvents;
import io.mutualchain.rpc.subscribe.SubscriptionHub;
import io.mutualchain.rpc.subscribe.SubscriptionMethods;
import io.mutualchain.rpc.ws.WsLimits;
import io.mutualchain.rpc.ws.WsRpcHandler;
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
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON-RPC 2.0 server: HTTP POST on {@code /} and WebSocket on {@code /ws}, one port. Lifecycle:
 * construct, {@link #start()} (binds or throws), {@link #close()} (idempotent; stops accepting, lets
 * running calls finish for up to {@link WorkerPool#SHUTDOWN_WAIT_MS}). Built over a {@link NodeApi},
 * it also serves subscriptions, fed by the {@link ChainEvents} the daemon signals after each commit,
 * and always {@code rpc.discover}. See docs/api.md for the methods and the transport behaviour.
 */
public final class RpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
    /** How long start() waits for the bind to succeed or fail. */
    public static final long BIND_TIMEOUT_MS = 10_000;
    /** How long close() waits for the event loops to stop. */
    public static final long EVENT_LOOP_SHUTDOWN_MS = 2_000;
    /** How long close() waits for open connections to take their close frame and close. */
    public static final long CONNECTIONS_CLOSE_MS = 2_000;
    /** Connections the OS may queue before accept(). */
    public static final int ACCEPT_BACKLOG = 128;

    /** The title rpc.discover gives the service. */
    public static final String API_TITLE = "MutualChain JSON-RPC";
    /** The node's version (the build's project version), as rpc.discover reports it. */
    public static final String NODE_VERSION = readVersion();

    private final RpcConfig config;
    private final MethodRegistry methods;
    private final NodeApi api;
    private final ChainEvents chainEvents;
    private final WsLimits wsLimits;
    private SubscriptionHub hub;
    private RpcChannelInitializer channels;
    private EventLoopGroup loops;
    private WorkerPool workers;
    private Channel serverChannel;
    private AdminGuard adminGuard;
    private boolean started;
    private boolean closed;

    /** Serves the {@code mc_} methods over {@code api}; subscriptions see no blocks (nothing signals them). */
    public RpcServer(RpcConfig config, NodeApi api) {
        this(config, api, new ChainEvents(), WsLimits.defaults());
    }

    /** Serves the {@code mc_} methods over {@code api}, and subscriptions to the blocks {@code chainEvents} signals. */
    public RpcServer(RpcConfig config, NodeApi api, ChainEvents chainEvents) {
        this(config, api, chainEvents, WsLimits.defaults());
    }

    public RpcServer(RpcConfig config, NodeApi api, ChainEvents chainEvents, WsLimits wsLimits) {
        this(config, SubscriptionMethods.register(NodeMethods.registerAll(new MethodRegistry(), api)), api, chainEvents, wsLimits);
    }

    /** Serves exactly the methods in {@code methods} (plus rpc.discover), without subscriptions; the daemon may add its own before start(). */
    public RpcServer(RpcConfig config, MethodRegistry methods) {
        this(config, methods, null, null, WsLimits.defaults());
    }

    private RpcServer(RpcConfig config, MethodRegistry methods, NodeApi api, ChainEvents chainEvents, WsLimits wsLimits) {
        this.config = config;
        this.methods = OpenRpc.register(methods, API_TITLE, NODE_VERSION);
        this.api = api;
        this.chainEvents = chainEvents;
        this.wsLimits = wsLimits;
    }

    private static String readVersion() {
        try (InputStream in = RpcServer.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Adds the {@code admin_} methods, served by {@code admin} to callers presenting {@code token}.
     * Without this call (the default) they do not exist. Must come before {@link #start()}.
     */
    public synchronized RpcServer enableAdmin(AdminToken token, AdminApi admin) {
        if (started) {
            throw new IllegalStateException("admin methods must be enabled before the RPC server starts");
        }
        if (adminGuard != null) {
            throw new IllegalStateException("admin methods are already enabled");
        }
        adminGuard = new AdminGuard(token);
        AdminMethods.register(methods, admin, adminGuard);
        return this;
    }

    /** Admin calls refused for a missing or wrong token since start (0 when admin is off). */
    public synchronized long adminRefusals() {
        return adminGuard == null ? 0 : adminGuard.refused();
    }

    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("RPC server already started");
        }
        started = true;
        workers = new WorkerPool(config.workerThreads(), config.queueCapacity(), "rpc-worker");
        loops = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("rpc-io", true), NioIoHandler.newFactory());
        JsonRpcDispatcher dispatcher = new JsonRpcDispatcher(methods, config.maxBatch());
        if (api != null) {
            hub = new SubscriptionHub(api, chainEvents, wsLimits.lagBlocksMax());
            hub.start();
        }
        channels = new RpcChannelInitializer(dispatcher, workers, config.maxBodyBytes(), config.idleTimeoutSeconds(),
                config.maxConnections(), hub, wsLimits);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(channels);
        ChannelFuture bind = bootstrap.bind(config.host(), config.port());
        boolean done = bind.awaitUninterruptibly(BIND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (!done || !bind.isSuccess()) {
            Throwable cause = done ? bind.cause() : null;
            shutdown();
            throw bindFailure(cause);
        }
        serverChannel = bind.channel();
        LOG.info("JSON-RPC listening on http://{}:{}/ and ws://{}:{}{}", config.host(), port(), config.host(), port(), WsRpcHandler.PATH);
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

    /** ws://host:port/ws of the running server. */
    public URI webSocketUri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("ws://" + host + ":" + port() + WsRpcHandler.PATH);
    }

    /** The subscription hub (null without a NodeApi or before start()). */
    public synchronized SubscriptionHub subscriptionHub() {
        return hub;
    }

    /** WebSocket clients disconnected because they did not read (0 before start()). */
    public synchronized long slowWebSocketDisconnects() {
        return channels == null ? 0 : channels.slowWebSocketDisconnects();
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

    /**
     * Stop accepting, let calls in progress finish and answer, close every connection (WebSocket
     * clients get close 1001), then stop the event loops. The connections are closed here rather
     * than left to the event loops' teardown, which was seen to leave an accepted WebSocket open,
     * so that a subscribed wallet would never learn that the node went away.
     */
    private void shutdown() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_MS);
        }
        if (hub != null) {
            hub.close();
        }
        if (workers != null) {
            workers.close();
        }
        if (channels != null) {
            int late = channels.closeAll(CONNECTIONS_CLOSE_MS);
            if (late > 0) {
                LOG.info("closed {} RPC connections without waiting for their close frame: they did not take it within {} ms",
                        late, CONNECTIONS_CLOSE_MS);
            }
        }
        if (loops != null) {
            loops.shutdownGracefully(0, EVENT_LOOP_SHUTDOWN_MS, TimeUnit.MILLISECONDS).awaitUninterruptibly(EVENT_LOOP_SHUTDOWN_MS);
        }
    }
}
