package io.mutualchain.rpc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mutualchain.rpc.jsonrpc.CallContext;
import io.mutualchain.rpc.jsonrpc.RpcError;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AdminGuardTest {
    private static final String SECRET = "s".repeat(40);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AdminGuard guard = new AdminGuard(AdminToken.of(SECRET), clock::get);
    private final Logger log = (Logger) LoggerFactory.getLogger(AdminGuard.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        log.addAppender(events);
    }

    @AfterEach
    void release() {
        log.detachAppender(events);
    }

    @Test
    void everyRefusalIsCountedButWarnedAtMostOncePerIntervalWithTheRemoteAddress() {
        CallContext stranger = CallContext.caller("/127.0.0.1:5555", "Bearer " + "x".repeat(40));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guard.require(stranger, "admin_peers")).isInstanceOf(RpcError.class);
        }
        assertThat(guard.refused()).isEqualTo(5);
        assertThat(events.list).hasSize(1);
        assertThat(events.list.get(0).getFormattedMessage()).contains("/127.0.0.1:5555").contains("admin_peers");
        clock.addAndGet(AdminGuard.WARN_INTERVAL_NANOS);
        assertThatThrownBy(() -> guard.require(CallContext.NONE, "admin_peers")).isInstanceOf(RpcError.class);
        assertThat(events.list).hasSize(2);
        assertThat(events.list.get(1).getFormattedMessage()).contains("4 more refusals not logged");
    }

    @Test
    void theRightTokenPassesAndIsNotCounted() {
        guard.require(CallContext.caller("/127.0.0.1:1", "Bearer " + SECRET), "admin_nodeInfo");
        assertThat(guard.refused()).isZero();
        assertThat(events.list).isEmpty();
    }

    @Test
    void aMissingTokenAndAWrongOneGetDifferentCodes() {
        assertThatThrownBy(() -> guard.require(CallContext.NONE, "admin_mempool"))
                .satisfies(e -> assertThat(((RpcError) e).code()).isEqualTo(AdminGuard.TOKEN_REQUIRED));
        assertThatThrownBy(() -> guard.require(CallContext.caller("", "Bearer " + "y".repeat(40)), "admin_mempool"))
                .satisfies(e -> assertThat(((RpcError) e).code()).isEqualTo(AdminGuard.TOKEN_MISMATCH));
    }
}
