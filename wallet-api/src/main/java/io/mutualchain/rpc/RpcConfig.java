package io.mutualchain.rpc;

import java.util.Objects;

/**
 * Where the RPC server listens and every bound it enforces. Each bound has a named default; the
 * compact constructor refuses values outside a sane range so a bad config fails at start-up.
 *
 * @param host              interface to bind; loopback unless the operator says otherwise
 * @param port              TCP port; 0 picks a free one (tests)
 * @param maxBodyBytes      largest request body; larger gets HTTP 413
 * @param maxBatch          most requests in one batch; more gets one -32600 error
 * @param workerThreads     threads that run methods (NodeApi calls), off the network event loop
 * @param queueCapacity     requests waiting for a worker; when full the server answers HTTP 503
 *                          (0 = no waiting: busy as soon as every worker is busy)
 * @param ioThreads         Netty event-loop threads doing socket I/O and HTTP framing only
 * @param idleTimeoutSeconds an idle keep-alive connection is closed after this long
 * @param maxConnections    open connections beyond this are closed on accept
 */
public record RpcConfig(String host, int port, int maxBodyBytes, int maxBatch, int workerThreads, int queueCapacity,
                        int ioThreads, int idleTimeoutSeconds, int maxConnections) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8545;
    /** 1 MiB: a batch of {@link #DEFAULT_MAX_BATCH} hex-encoded transactions fits many times over. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_BATCH = 100;
    public static final int DEFAULT_WORKER_THREADS = 4;
    public static final int DEFAULT_QUEUE_CAPACITY = 256;
    public static final int DEFAULT_IO_THREADS = 2;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_MAX_CONNECTIONS = 512;

    /** Upper limits on the settings themselves, so a typo cannot ask for a 2 GB body or 10,000 threads. */
    public static final int MAX_BODY_BYTES_LIMIT = 64 << 20;
    public static final int MAX_BATCH_LIMIT = 10_000;
    public static final int MAX_THREADS_LIMIT = 256;
    public static final int MAX_QUEUE_LIMIT = 100_000;
    public static final int MAX_CONNECTIONS_LIMIT = 100_000;
    public static final int MAX_IDLE_TIMEOUT_SECONDS = 3600;

    public RpcConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("rpc host is empty");
        }
        check("rpc port", port, 0, 65535);
        check("rpc maxBodyBytes", maxBodyBytes, 64, MAX_BODY_BYTES_LIMIT);
        check("rpc maxBatch", maxBatch, 1, MAX_BATCH_LIMIT);
        check("rpc workerThreads", workerThreads, 1, MAX_THREADS_LIMIT);
        check("rpc queueCapacity", queueCapacity, 0, MAX_QUEUE_LIMIT);
        check("rpc ioThreads", ioThreads, 1, MAX_THREADS_LIMIT);
        check("rpc idleTimeoutSeconds", idleTimeoutSeconds, 1, MAX_IDLE_TIMEOUT_SECONDS);
        check("rpc maxConnections", maxConnections, 1, MAX_CONNECTIONS_LIMIT);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** 127.0.0.1:8545 with every bound at its default. */
    public static RpcConfig defaults() {
        return new RpcConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH, DEFAULT_WORKER_THREADS,
                DEFAULT_QUEUE_CAPACITY, DEFAULT_IO_THREADS, DEFAULT_IDLE_TIMEOUT_SECONDS, DEFAULT_MAX_CONNECTIONS);
    }

    /** Defaults on the given host and port. */
    public static RpcConfig of(String host, int port) {
        return defaults().withHost(host).withPort(port);
    }

    public RpcConfig withHost(String newHost) {
        return new RpcConfig(newHost, port, maxBodyBytes, maxBatch, workerThreads, queueCapacity, ioThreads, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withPort(int newPort) {
        return new RpcConfig(host, newPort, maxBodyBytes, maxBatch, workerThreads, queueCapacity, ioThreads, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withMaxBodyBytes(int value) {
        return new RpcConfig(host, port, value, maxBatch, workerThreads, queueCapacity, ioThreads, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withMaxBatch(int value) {
        return new RpcConfig(host, port, maxBodyBytes, value, workerThreads, queueCapacity, ioThreads, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withWorkers(int threads, int queue) {
        return new RpcConfig(host, port, maxBodyBytes, maxBatch, threads, queue, ioThreads, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withIoThreads(int value) {
        return new RpcConfig(host, port, maxBodyBytes, maxBatch, workerThreads, queueCapacity, value, idleTimeoutSeconds, maxConnections);
    }

    public RpcConfig withIdleTimeoutSeconds(int value) {
        return new RpcConfig(host, port, maxBodyBytes, maxBatch, workerThreads, queueCapacity, ioThreads, value, maxConnections);
    }

    public RpcConfig withMaxConnections(int value) {
        return new RpcConfig(host, port, maxBodyBytes, maxBatch, workerThreads, queueCapacity, ioThreads, idleTimeoutSeconds, value);
    }
}
