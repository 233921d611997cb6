package io.mutualchain.p2p;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A plain TCP client for hostile-input tests. */
final class RawSocket {
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_BYTES_READ = 1 << 20;

    private RawSocket() {
    }

    /** Reads until the server closes; returns how many bytes it sent. Fails if it neither closes nor stops within the read timeout. */
    static int readUntilClosed(Socket s) throws IOException {
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        int total = 0;
        try {
            while (total < MAX_BYTES_READ) {
                int n = in.read(buf);
                if (n < 0) {
                    return total;
                }
                total += n;
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the node kept the connection open for " + READ_TIMEOUT_MILLIS + " ms", e);
        } catch (IOException e) {
            return total;
        }
        throw new AssertionError("the node sent more than " + MAX_BYTES_READ + " bytes to a raw socket");
    }
}
