package io.mutualchain.rpc.jsonrpc;

import java.util.Objects;
import java.util.Optional;

/**
 * What the transport tells a method about the connection a call came on. The dispatcher carries it
 * without looking inside, so this package stays ignorant of HTTP, WebSocket and subscriptions; a
 * method that needs a connection-bound session (e.g. {@code mc_subscribe}) asks for it by type and
 * answers a clear error when the transport has none (plain HTTP).
 */
public final class CallContext {
    /** A call with no session: HTTP, or a direct dispatch in tests. */
    public static final CallContext NONE = new CallContext(null);

    private final Object session;

    private CallContext(Object session) {
        this.session = session;
    }

    /** A call made on a connection that owns {@code session}. */
    public static CallContext of(Object session) {
        return new CallContext(Objects.requireNonNull(session, "session"));
    }

    /** The session when it is of {@code type}, else empty. */
    public <T> Optional<T> session(Class<T> type) {
        return type.isInstance(session) ? Optional.of(type.cast(session)) : Optional.empty();
    }
}
