package io.mutualchain.node.runtime;

import io.mutualchain.rpc.NodeApi;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Wraps the node API so that every call is counted and timed for the metrics endpoint. A proxy
 * rather than a hand-written decorator, so that methods added to the API are timed without
 * another edit here.
 */
final class TimedNodeApi {
    private TimedNodeApi() {
    }

    static NodeApi wrap(NodeApi api, NodeStats stats) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(api, args);
            }
            long start = System.nanoTime();
            try {
                return method.invoke(api, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                stats.rpcCalls.incrementAndGet();
                stats.rpcNanos.addAndGet(System.nanoTime() - start);
            }
        };
        return (NodeApi) Proxy.newProxyInstance(NodeApi.class.getClassLoader(), new Class<?>[] {NodeApi.class}, h);
    }
}
