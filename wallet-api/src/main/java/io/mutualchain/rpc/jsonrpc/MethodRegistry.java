package io.mutualchain.rpc.jsonrpc;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The methods a server answers. Registration happens while the server is being assembled; lookups
 * happen concurrently from request workers, hence the concurrent map. A name can be registered once.
 */
public final class MethodRegistry {
    private final ConcurrentMap<String, RpcMethod> methods = new ConcurrentHashMap<>();

    public MethodRegistry register(RpcMethod method) {
        RpcMethod previous = methods.putIfAbsent(method.name(), method);
        if (previous != null) {
            throw new IllegalArgumentException("method " + method.name() + " is already registered");
        }
        return this;
    }

    public Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** Registered methods, sorted by name (for discovery). */
    public List<RpcMethod> methods() {
        return names().stream().map(methods::get).toList();
    }

    /** Registered names, sorted (for docs and discovery; never for anything hashed). */
    public List<String> names() {
        return methods.keySet().stream().sorted().toList();
    }
}
