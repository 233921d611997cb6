package io.mutualchain.rpc.ws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that upgrades, sends one text frame and then never reads again, with a tiny
 * receive buffer so the server's outbound queue fills after little data. Written by hand because
 * the point is to misbehave, which no real client library does.
 */
final class SlowReader implements AutoCloseable {
    /** The receive buffer asked of the OS; small so the kernel absorbs little. */
    static final int RECEIVE_BUFFER_BYTES = 4096;
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int HEADER_BYTES_MAX = 8192;

    private final Socket socket = new Socket();

    SlowReader(URI ws) throws IOException {
        socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), CONNECT_TIMEOUT_MS);
        socket.setSoTimeout(CONNECT_TIMEOUT_MS);
        String key = Base64.getEncoder().encodeToString("slow-reader-key!".getBytes(StandardCharsets.US_ASCII));
        String upgrade = "GET " + ws.getPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(upgrade.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(socket.getInputStream());
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < HEADER_BYTES_MAX) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            String s = head.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        throw new IOException("no complete upgrade answer");
    }

    /** One masked text frame (client frames must be masked); payload under 64 KiB. */
    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length & 0xff);
        }
        f.write(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(f.toByteArray());
        socket.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
