package io.mutualchain.node.e2e;

import io.mutualchain.core.crypto.KeyFile;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.config.NodeConfigFile;
import io.mutualchain.node.config.PeerEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network shim for a consortium of real processes on loopback: one TCP forwarder per ordered pair
 * (i → j) of validators, and every node's config rewritten so that node i dials node j through the
 * forwarder (i, j). Cutting a link closes its open connections both ways and refuses new ones, so
 * a partition is a set of cut links and healing is reopening them; nothing in the nodes changes.
 *
 * <p>Besides cutting, a link can drop the bytes of one direction only (a one-way partition: the
 * sender's writes succeed, nothing arrives), and delay every chunk it forwards by a set time
 * through a bounded queue per direction. A connection that lost bytes is closed at the heal, since
 * the frames after the gap would be garbage to the receiver.
 *
 * <p>The forwarders keep listening while cut (an accepted connection is closed at once), so their
 * ports are never released for something else to take. Ports are drawn below Linux's ephemeral
 * range (32768+) for the same reason as {@code Cluster}'s.
 */
final class LinkProxies implements AutoCloseable {
    /** Open connections one forwarder carries at once; a link between two nodes needs one or two. */
    static final int CONNECTIONS_PER_LINK_MAX = 4;
    /** Bytes copied per read, per direction of a connection. */
    static final int BUFFER_BYTES = 16 * 1024;
    /** Chunks one direction of one connection holds while a delay is set; a full queue stops the reader (TCP back-pressure). */
    static final int DELAY_QUEUE_CHUNKS_MAX = 256;
    /** Longest delay a link accepts: a delay is a slow network, not a cut. */
    static final long DELAY_MAX_MS = 2_000;
    /** How often a reader facing a full queue looks whether the writer's socket was closed meanwhile. */
    private static final long QUEUE_POLL_MS = 100;
    private static final int PORT_MIN = 20_000;
    private static final int PORT_SPAN = 12_000;
    private static final int PORT_ATTEMPTS = 200;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final int nodes;
    private final Link[][] links;

    private LinkProxies(int nodes) {
        this.nodes = nodes;
        this.links = new Link[nodes][nodes];
    }

    /**
     * Starts a forwarder for every ordered pair of the first {@code validators} members and rewrites
     * their configs (before the nodes start). Peer entries of other members (observers) stay direct.
     */
    static LinkProxies install(Cluster cluster, int validators) throws IOException {
        List<NodeConfig> configs = new ArrayList<>();
        List<PublicKey> keys = new ArrayList<>();
        List<Integer> p2pPorts = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            NodeConfig c = NodeConfigFile.read(cluster.members().get(i).config());
            configs.add(c);
            keys.add(KeyFile.read(c.keyFile()).publicKey());
            p2pPorts.add(c.p2pPort());
        }
        LinkProxies proxies = start(p2pPorts);
        try {
            for (int i = 0; i < validators; i++) {
                NodeConfig c = configs.get(i);
                List<PeerEntry> peers = new ArrayList<>();
                for (PeerEntry p : c.peers()) {
                    int j = keys.indexOf(p.publicKey());
                    peers.add(j < 0 || j == i ? p : new PeerEntry(p.name(), p.publicKey(), "127.0.0.1", proxies.links[i][j].port()));
                }
                NodeConfigFile.write(cluster.members().get(i).config(), new NodeConfig(c.name(), c.dataDir(), c.genesisFile(), c.keyFile(),
                        c.rpcHost(), c.rpcPort(), c.tickMs(), c.emptyBlockIntervalMs(), c.mempool(), c.p2pHost(), c.p2pPort(), peers,
                        c.metricsPort()));
            }
        } catch (IOException | RuntimeException e) {
            proxies.close();
            throw e;
        }
        return proxies;
    }

    /** Starts a forwarder (i, j) to {@code targetPorts.get(j)} for every ordered pair; nothing else is changed. */
    static LinkProxies start(List<Integer> targetPorts) throws IOException {
        LinkProxies proxies = new LinkProxies(targetPorts.size());
        try {
            for (int i = 0; i < targetPorts.size(); i++) {
                for (int j = 0; j < targetPorts.size(); j++) {
                    if (i != j) {
                        proxies.links[i][j] = Link.open(i, j, targetPorts.get(j));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            proxies.close();
            throw e;
        }
        return proxies;
    }

    /** Cuts every link between the two sides, both directions; links inside a side are left as they are. */
    void partition(Collection<Integer> sideA, Collection<Integer> sideB) {
        for (int a : sideA) {
            for (int b : sideB) {
                links[a][b].cut();
                links[b][a].cut();
            }
        }
    }

    /** Cuts node {@code i} off from every other validator. */
    void isolate(int i) {
        List<Integer> rest = new ArrayList<>();
        for (int j = 0; j < nodes; j++) {
            if (j != i) {
                rest.add(j);
            }
        }
        partition(List.of(i), rest);
    }

    void healAll() {
        for (Link[] row : links) {
            for (Link l : row) {
                if (l != null) {
                    l.heal();
                }
            }
        }
    }

    /** Cuts only the link node {@code from} dials node {@code to} through; {@code to} can still dial {@code from}. */
    void cutDial(int from, int to) {
        links[from][to].cut();
    }

    /** Cuts both links between {@code i} and {@code j} (both dial directions). */
    void cutPair(int i, int j) {
        links[i][j].cut();
        links[j][i].cut();
    }

    /** Heals both links between {@code i} and {@code j}, cut or dropping. */
    void healPair(int i, int j) {
        links[i][j].heal();
        links[j][i].heal();
    }

    /**
     * Every byte node {@code from} sends to node {@code to} is discarded, whichever of the two dialled
     * the connection; bytes from {@code to} to {@code from} still pass.
     */
    void dropOneWay(int from, int to) {
        links[from][to].dropForward = true;
        links[to][from].dropBack = true;
    }

    /** Holds every chunk on every link touching one of {@code nodes}, both directions, {@code ms} before passing it on. */
    void delay(Collection<Integer> nodes, long ms) {
        if (ms < 0 || ms > DELAY_MAX_MS) {
            throw new IllegalArgumentException("delay " + ms + " ms outside 0.." + DELAY_MAX_MS);
        }
        for (int i = 0; i < this.nodes; i++) {
            for (int j = 0; j < this.nodes; j++) {
                if (i != j && (nodes.contains(i) || nodes.contains(j))) {
                    links[i][j].delayMs = ms;
                }
            }
        }
    }

    /** Whether the link i → j is cut (for the printed schedule and for the shim's own test). */
    boolean isCut(int i, int j) {
        return links[i][j].cut;
    }

    int port(int i, int j) {
        return links[i][j].port();
    }

    @Override
    public void close() {
        for (Link[] row : links) {
            for (Link l : row) {
                if (l != null) {
                    l.close();
                }
            }
        }
    }

    /** One forwarder: listens on its own port and pipes each accepted connection to the target node's p2p port. */
    private static final class Link {
        private final String name;
        private final ServerSocket server;
        private final int targetPort;
        private final Set<Socket> open = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;
        private volatile boolean closed;
        /** Bytes from the dialler to the target (forward) or back are discarded while set. */
        private volatile boolean dropForward;
        private volatile boolean dropBack;
        /** Set once a byte was discarded; the heal closes the connections, whose streams now have a gap. */
        private volatile boolean dropped;
        private volatile long delayMs;

        private Link(String name, ServerSocket server, int targetPort) {
            this.name = name;
            this.server = server;
            this.targetPort = targetPort;
        }

        static Link open(int from, int to, int targetPort) throws IOException {
            Link l = new Link("link-" + from + "-" + to, bind(), targetPort);
            Thread t = new Thread(l::acceptLoop, l.name);
            t.setDaemon(true);
            t.start();
            return l;
        }

        private static ServerSocket bind() throws IOException {
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                int port = PORT_MIN + ThreadLocalRandom.current().nextInt(PORT_SPAN);
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECTIONS_PER_LINK_MAX);
                    return s;
                } catch (IOException taken) {
                    s.close();
                }
            }
            throw new IOException("no free loopback port for a link proxy after " + PORT_ATTEMPTS + " attempts");
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!closed) {
                Socket in;
                try {
                    in = server.accept();
                } catch (IOException e) {
                    return;
                }
                if (cut || open.size() >= 2 * CONNECTIONS_PER_LINK_MAX) {
                    quietly(in);
                    continue;
                }
                Socket out = new Socket();
                try {
                    out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), CONNECT_TIMEOUT_MS);
                } catch (IOException targetDown) {
                    quietly(in);
                    quietly(out);
                    continue;
                }
                open.add(in);
                open.add(out);
                pump(in, out, name + "-fwd", true);
                pump(out, in, name + "-back", false);
                if (cut) {
                    // A cut that raced this accept must not leave a live connection behind it.
                    dropAll();
                }
            }
        }

        /** One direction of one connection: a reader hands chunks (with the time each is due) to a writer through a bounded queue. */
        private void pump(Socket from, Socket to, String threadName, boolean forward) {
            java.util.concurrent.BlockingQueue<Chunk> queue = new java.util.concurrent.ArrayBlockingQueue<>(DELAY_QUEUE_CHUNKS_MAX);
            Runnable finish = () -> {
                quietly(from);
                quietly(to);
                open.remove(from);
                open.remove(to);
            };
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[BUFFER_BYTES];
                try (InputStream is = from.getInputStream()) {
                    int n;
                    while ((n = is.read(buf)) >= 0) {
                        if (forward ? dropForward : dropBack) {
                            dropped = true;
                            continue;
                        }
                        Chunk c = new Chunk(java.util.Arrays.copyOf(buf, n), System.nanoTime() + delayMs * 1_000_000);
                        while (!queue.offer(c, QUEUE_POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                            if (to.isClosed()) {
                                return; // the writer is gone: nobody will take from the queue
                            }
                        }
                    }
                } catch (IOException | InterruptedException closedOrCut) {
                    // Either end went away or the link was cut: the writer ends at the marker below.
                } finally {
                    // The end marker must get in even when the queue is full: make room by dropping what the closed sockets cannot deliver.
                    while (!queue.offer(Chunk.END)) {
                        queue.poll();
                    }
                }
            }, threadName);
            Thread writer = new Thread(() -> {
                try (OutputStream os = to.getOutputStream()) {
                    for (Chunk c = queue.take(); c != Chunk.END; c = queue.take()) {
                        long wait = c.dueNanos() - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        os.write(c.bytes());
                    }
                } catch (IOException | InterruptedException closedOrCut) {
                    // The other direction is closed below; the reader then fails and stops too.
                } finally {
                    finish.run();
                }
            }, threadName + "-out");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        /** A chunk read from one side and the nanoTime from which it may be written to the other. */
        private record Chunk(byte[] bytes, long dueNanos) {
            static final Chunk END = new Chunk(new byte[0], 0);
        }

        void cut() {
            cut = true;
            dropAll();
        }

        void heal() {
            cut = false;
            delayMs = 0;
            boolean gap = dropped || dropForward || dropBack;
            dropForward = false;
            dropBack = false;
            dropped = false;
            if (gap) {
                dropAll();
            }
        }

        private void dropAll() {
            for (Socket s : open) {
                quietly(s);
            }
            open.clear();
        }

        void close() {
            closed = true;
            cut = true;
            quietly(server);
            dropAll();
        }

        private static void quietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing is best effort: a socket already closed by the other side is fine.
            }
        }
    }
}
