package io.mutualchain.rpc.admin;

import io.mutualchain.rpc.jsonrpc.CallContext;
import io.mutualchain.rpc.jsonrpc.RpcError;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an admin call through only with the right bearer token. A refusal is a JSON-RPC error with its
 * own code ({@link #TOKEN_REQUIRED} or {@link #TOKEN_MISMATCH}), is counted, and is logged at WARN
 * with the caller's address; the WARN lines are rate-limited to one per {@link #WARN_INTERVAL_NANOS}
 * (the next one says how many were not logged), so a client hammering the port with bad tokens cannot
 * fill the disk with log.
 */
public final class AdminGuard {
    private static final Logger LOG = LoggerFactory.getLogger(AdminGuard.class);
    /** Error: the call carried no {@code Authorization: Bearer} header. */
    public static final int TOKEN_REQUIRED = -32050;
    /** Error: the call carried a bearer token that is not the admin token. */
    public static final int TOKEN_MISMATCH = -32051;
    /** At most one refusal WARN per 10 seconds. */
    public static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AdminToken token;
    private final LongSupplier nanoClock;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong lastWarnNanos;

    public AdminGuard(AdminToken token) {
        this(token, System::nanoTime);
    }

    AdminGuard(AdminToken token, LongSupplier nanoClock) {
        this.token = token;
        this.nanoClock = nanoClock;
        this.lastWarnNanos = new AtomicLong(nanoClock.getAsLong() - WARN_INTERVAL_NANOS);
    }

    /** Whether {@code code} is one of the refusals this guard answers (the HTTP transport then says 401). */
    public static boolean isAuthRefusal(int code) {
        return code == TOKEN_REQUIRED || code == TOKEN_MISMATCH;
    }

    /** Returns when the call may proceed; otherwise throws the refusal to send back. */
    public void require(CallContext context, String method) {
        AdminToken.Verdict verdict = token.check(context.authorization());
        if (verdict == AdminToken.Verdict.GRANTED) {
            return;
        }
        refused.incrementAndGet();
        warn(context.remote(), method, verdict);
        if (verdict == AdminToken.Verdict.MISSING) {
            throw new RpcError(TOKEN_REQUIRED, "admin token required: " + method
                    + " needs the header 'Authorization: Bearer <token>' (on WebSocket, on the upgrade request)", null);
        }
        throw new RpcError(TOKEN_MISMATCH, "admin token does not match: " + method + " was refused", null);
    }

    /** Admin calls refused since start. */
    public long refused() {
        return refused.get();
    }

    private void warn(String remote, String method, AdminToken.Verdict verdict) {
        long now = nanoClock.getAsLong();
        long last = lastWarnNanos.get();
        if (now - last < WARN_INTERVAL_NANOS || !lastWarnNanos.compareAndSet(last, now)) {
            unlogged.incrementAndGet();
            return;
        }
        long skipped = unlogged.getAndSet(0);
        LOG.warn("refused admin call {} from {}: token {}{}", method, remote.isEmpty() ? "an unknown address" : remote,
                verdict == AdminToken.Verdict.MISSING ? "missing" : "does not match",
                skipped == 0 ? "" : " (" + skipped + " more refusals not logged in the last interval)");
    }
}
