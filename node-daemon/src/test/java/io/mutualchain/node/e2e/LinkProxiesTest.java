package io.mutualchain.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The partition shim on its own, with echo servers standing in for nodes: bytes pass through a
 * forwarder both ways; a cut closes the open connection and closes every new one at once; a heal
 * lets new connections through again; a partition cuts exactly the links between its sides.
 */
class LinkProxiesTest {
    /** No read in this test waits longer; a cut link must show as closed well before. */
    private static final int READ_TIMEOUT_MS = 5_000;

    private final List<ServerSocket> echoes = new ArrayList<>();
    private LinkProxies proxies;

    @AfterEach
    void close() throws IOException {
        if (proxies != null) {
            proxies.close();
        }
        for (ServerSocket s : echoes) {
            s.close();
        }
    }

    @Test
    void bytesPassBothWaysUntilACutClosesTheConnectionAndRefusesNewOnesUntilHealed() throws Exception {
        proxies = LinkProxies.start(List.of(echo(), echo()));
        try (Socket s = dial(0, 1)) {
            assertThat(roundTrip(s, 42)).isEqualTo(42);
            proxies.isolate(1);
            assertThat(readOrClosed(s)).as("a cut link closes the open connection").isEqualTo(-1);
        }
        try (Socket s = dial(0, 1)) {
            s.getOutputStream().write(7);
            assertThat(readOrClosed(s)).as("a new connection over a cut link is closed at once").isEqualTo(-1);
        }
        proxies.healAll();
        try (Socket s = dial(0, 1)) {
            assertThat(roundTrip(s, 9)).isEqualTo(9);
        }
    }

    @Test
    void aPartitionCutsTheLinksBetweenItsSidesInBothDirectionsAndNoOthers() throws Exception {
        proxies = LinkProxies.start(List.of(echo(), echo(), echo(), echo()));
        proxies.partition(List.of(0, 1), List.of(2, 3));
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (i != j) {
                    boolean across = (i < 2) != (j < 2);
                    assertThat(proxies.isCut(i, j)).as(i + " -> " + j).isEqualTo(across);
                }
            }
        }
        try (Socket s = dial(1, 0)) {
            assertThat(roundTrip(s, 5)).isEqualTo(5);
        }
    }

    @Test
    void aOneWayDropLosesTheBytesOfOneDirectionOnlyAndTheHealClosesTheConnectionThatLostThem() throws Exception {
        proxies = LinkProxies.start(List.of(echo(), echo()));
        proxies.dropOneWay(0, 1);
        try (Socket s = dial(0, 1)) {
            s.getOutputStream().write(5);
            assertThat(readOrClosed(s)).as("what node 0 sends to node 1 never reaches node 1's echo").isEqualTo(-2);
        }
        // The test socket plays node 1 dialling node 0's echo: the request passes, the echo's answer is dropped.
        try (Socket s = dial(1, 0)) {
            s.getOutputStream().write(3);
            assertThat(readOrClosed(s)).as("the answer from node 0 to node 1 is dropped").isEqualTo(-2);
            proxies.healAll();
            assertThat(readOrClosed(s)).as("the heal closes a connection with a gap").isEqualTo(-1);
        }
        try (Socket s = dial(1, 0)) {
            assertThat(roundTrip(s, 4)).as("a new connection after the heal passes both ways").isEqualTo(4);
        }
    }

    @Test
    void aDelayedLinkStillDeliversEveryByteInOrder() throws Exception {
        proxies = LinkProxies.start(List.of(echo(), echo()));
        proxies.delay(List.of(1), 50);
        try (Socket s = dial(0, 1)) {
            byte[] sent = new byte[3 * LinkProxies.BUFFER_BYTES];
            for (int k = 0; k < sent.length; k++) {
                sent[k] = (byte) (k * 7);
            }
            s.getOutputStream().write(sent);
            byte[] got = s.getInputStream().readNBytes(sent.length);
            assertThat(got).isEqualTo(sent);
        }
    }

    @Test
    void aDialCutRefusesOneDialDirectionAndLeavesTheOtherOpen() throws Exception {
        proxies = LinkProxies.start(List.of(echo(), echo()));
        proxies.cutDial(0, 1);
        try (Socket s = dial(0, 1)) {
            s.getOutputStream().write(1);
            assertThat(readOrClosed(s)).isEqualTo(-1);
        }
        try (Socket s = dial(1, 0)) {
            assertThat(roundTrip(s, 2)).isEqualTo(2);
        }
    }

    private int echo() throws IOException {
        ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        echoes.add(server);
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    int b;
                    while ((b = in.read()) >= 0) {
                        out.write(b);
                    }
                } catch (IOException closed) {
                    // the test closed the server or the proxy dropped the connection
                }
            }
        }, "echo");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private Socket dial(int i, int j) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), proxies.port(i, j));
        s.setSoTimeout(READ_TIMEOUT_MS);
        return s;
    }

    private static int roundTrip(Socket s, int b) throws IOException {
        s.getOutputStream().write(b);
        return s.getInputStream().read();
    }

    private static int readOrClosed(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException stillOpen) {
            return -2;
        } catch (IOException reset) {
            return -1;
        }
    }
}
