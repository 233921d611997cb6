package io.mutualchain.node.cli;

import io.mutualchain.rpc.RpcClient;
import java.net.URI;
import picocli.CommandLine.Option;

/** The client-side {@code --rpc URL} flag. */
public final class RpcOption {
    public static final String DEFAULT_RPC = "http://127.0.0.1:8545";

    @Option(names = "--rpc", paramLabel = "URL", defaultValue = DEFAULT_RPC,
            description = "JSON-RPC endpoint of a node (default: ${DEFAULT-VALUE}).")
    String url;

    public RpcClient client() {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UserError("--rpc must be an http:// or https:// URL, was '" + url + "'");
            }
            return new RpcClient(uri);
        } catch (IllegalArgumentException e) {
            throw new UserError("--rpc '" + url + "' is not a URL: " + e.getMessage());
        }
    }

    public String url() {
        return url;
    }
}
