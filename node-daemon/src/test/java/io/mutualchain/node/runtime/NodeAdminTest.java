package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.node.config.NodeConfig;
import io.mutualchain.node.mempool.AccountState;
import io.mutualchain.node.mempool.Mempool;
import io.mutualchain.node.mempool.MempoolLimits;
import io.mutualchain.rpc.admin.LogLevel;
import io.mutualchain.rpc.admin.LogLevelChange;
import io.mutualchain.rpc.admin.MempoolInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the admin port computes from a real pool and the real Logback context. */
class NodeAdminTest {
    private static final String CHAIN = "admin-unit";
    private static final long FEE = 1_000;
    private static final AccountState RICH = new AccountState() {
        @Override
        public long balance(Address address) {
            return Mtn.TOTAL_SUPPLY;
        }

        @Override
        public long nonce(Address address) {
            return 0;
        }
    };

    private static NodeAdmin admin(Mempool pool) {
        NodeConfig config = NodeConfig.standalone("unit", Path.of("data"), Path.of("g.json"), Path.of("k.json"), 0, 1_000);
        return new NodeAdmin(config, KeyPair.generate(), null, pool, null, () -> true, () -> 0, () -> 0, () -> 0, () -> 0L);
    }

    @Test
    void theTopSendersAreThoseWithTheMostPendingTransactionsWithTheirNonceRanges() {
        Mempool pool = new Mempool(MempoolLimits.DEFAULT, FEE);
        List<KeyPair> senders = new ArrayList<>();
        // Sender i has i + 1 pending transactions, nonces 0..i; 25 senders, so 5 fall outside the top 20.
        for (int i = 0; i < 25; i++) {
            KeyPair k = KeyPair.generate();
            senders.add(k);
            for (int n = 0; n <= i; n++) {
                Transaction tx = Transaction.sign(CHAIN, k, n, FEE, new Transfer(KeyPair.generate().address(), 1));
                assertThat(pool.add(tx, RICH)).isEmpty();
            }
        }
        MempoolInfo info = admin(pool).mempool(20);
        assertThat(info.size()).isEqualTo(pool.size()).isEqualTo(25 * 26 / 2);
        assertThat(info.bytes()).isEqualTo(pool.bytes());
        assertThat(info.senders()).isEqualTo(25);
        assertThat(info.topSenders()).hasSize(20);
        assertThat(info.topSenders().get(0)).isEqualTo(new MempoolInfo.Sender(senders.get(24).address(), 25, 0, 24));
        assertThat(info.topSenders().get(19)).isEqualTo(new MempoolInfo.Sender(senders.get(5).address(), 6, 0, 5));
        assertThat(info.maxPerSender()).isEqualTo(MempoolLimits.DEFAULT.maxPerSender());
    }

    @Test
    void anEmptyPoolHasNoSenders() {
        MempoolInfo info = admin(new Mempool(MempoolLimits.DEFAULT, FEE)).mempool(20);
        assertThat(info.size()).isZero();
        assertThat(info.topSenders()).isEmpty();
    }

    @Test
    void settingALevelAnswersTheOneBeforeAndTheRootLoggerHasAName() {
        NodeAdmin admin = admin(new Mempool(MempoolLimits.DEFAULT, FEE));
        String name = "io.mutualchain.node.runtime.NodeAdminTest.probe";
        LogLevelChange first = admin.setLogLevel(name, LogLevel.DEBUG);
        assertThat(first.previous()).isNull();
        assertThat(LoggerFactory.getLogger(name).isDebugEnabled()).isTrue();
        LogLevelChange second = admin.setLogLevel(name, LogLevel.ERROR);
        assertThat(second.previous()).isEqualTo(LogLevel.DEBUG);
        assertThat(LoggerFactory.getLogger(name).isWarnEnabled()).isFalse();
        LogLevelChange root = admin.setLogLevel("root", LogLevel.INFO);
        assertThat(root.logger()).isEqualTo(org.slf4j.Logger.ROOT_LOGGER_NAME);
        admin.setLogLevel("ROOT", root.previousEffective());
    }
}
