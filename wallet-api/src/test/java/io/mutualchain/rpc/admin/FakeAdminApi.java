package io.mutualchain.rpc.admin;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An AdminApi with fixed facts and an in-memory logger table, for the transport and auth tests. */
final class FakeAdminApi implements AdminApi {
    static final KeyPair NODE_KEY = KeyPair.fromSeed(new byte[32]);
    final Map<String, LogLevel> levels = new ConcurrentHashMap<>();

    @Override
    public NodeInfo nodeInfo() {
        return new NodeInfo("fake0", "test", NODE_KEY.publicKey(), NODE_KEY.address(), true, 0, 1, "fake-chain",
                Hash32.of(new byte[32]), 7, 8545, 0, 0, "/tmp/fake", 42);
    }

    @Override
    public PeersInfo peers() {
        return new PeersInfo(List.of(new PeersInfo.Peer(NODE_KEY.publicKey(), "peer0", "127.0.0.1:26657", true, false)), Optional.empty());
    }

    @Override
    public MempoolInfo mempool(int topSenders) {
        return new MempoolInfo(3, 300, 50_000, 1_000, 1 << 20, 1,
                List.of(new MempoolInfo.Sender(Address.of(NODE_KEY.publicKey()), 3, 4, 6)).subList(0, Math.min(1, topSenders)));
    }

    @Override
    public LogLevelChange setLogLevel(String logger, LogLevel level) {
        LogLevel previous = levels.put(logger, level);
        return new LogLevelChange(logger, previous, previous == null ? LogLevel.INFO : previous, level);
    }
}
