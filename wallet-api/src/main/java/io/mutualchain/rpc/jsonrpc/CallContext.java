package io.mutualchain.rpc.jsonrpc;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport tells a method about the connection a call came on. The dispatcher carries it
 * without looking inside, so this package stays ignorant of HTTP, WebSocket and subscriptions; a
 * method that needs a connection-bound session (e.g. {@code mc_subscribe}) asks for it by type and
 * answers a clear error when the transport has none (plain HTTP).
 *
 * <p>It also carries who is calling, as far as the transport knows: the peer's address (for logs)
 * and the {@code Authorization} header the request (or, on WebSocket, the upgrade request) carried.
 * The header is passed as received; only the methods that need a credential (the admin methods)
 * interpret it, so a transport never decides what a token means.
 */
public final class CallContext {
    /** A call with no session: HTTP, or a direct dispatch in tests. */
    public static final CallContext NONE = new CallContext(null, "", null);

    private final Object session;
    private final String remote;
    private final String authorization;

    private CallContext(Object session, String remote, String authorization) {
        this.session = session;
        this.remote = remote;
        this.authorization = authorization;
    }

    /** A call made on a connection that owns {@code session}. */
    public static CallContext of(Object session) {
        return new CallContext(Objects.requireNonNull(session, "session"), "", null);
    }

    /**
     * A call from {@code remote} (an address for logs; may be empty) carrying {@code authorization},
     * the raw {@code Authorization} header value or null when there was none.
     */
    public static CallContext caller(String remote, String authorization) {
        return new CallContext(null, Objects.requireNonNull(remote, "remote"), authorization);
    }

    /** This caller, on a connection that owns {@code newSession}. */
    public CallContext withSession(Object newSession) {
        return new CallContext(Objects.requireNonNull(newSession, "session"), remote, authorization);
    }

    /** The session when it is of {@code type}, else empty. */
    public <T> Optional<T> session(Class<T> type) {
        return type.isInstance(session) ? Optional.of(type.cast(session)) : Optional.empty();
    }

    /** Where the call came from, for logs ("" when the transport did not say). */
    public String remote() {
        return remote;
    }

    /** The raw {@code Authorization} header the caller sent, if any. */
    public Optional<String> authorization() {
        return Optional.ofNullable(authorization);
    }
}
