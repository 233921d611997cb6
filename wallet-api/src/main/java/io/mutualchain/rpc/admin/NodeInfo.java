package io.mutualchain.rpc.admin;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.types.Address;
import java.util.Objects;

/**
 * What {@code admin_nodeInfo} tells an operator about the node.
 *
 * @param name             the node's configured name
 * @param version          the build's version
 * @param publicKey        the node key
 * @param address          the node key's address
 * @param validator        whether it votes in the epoch in force (else it is an observer)
 * @param epochBase        base height of the epoch in force for the next block
 * @param validatorSetSize validators in that epoch
 * @param chainId          the chain it serves
 * @param genesisHash      the chain's genesis hash
 * @param height           latest committed height
 * @param rpcPort          bound JSON-RPC port
 * @param p2pPort          bound peer-to-peer port (0: no networking)
 * @param metricsPort      bound metrics port (0: off)
 * @param dataDir          the data directory, absolute
 * @param uptimeSeconds    whole seconds since the node started
 */
public record NodeInfo(String name, String version, PublicKey publicKey, Address address, boolean validator, long epochBase,
                       int validatorSetSize, String chainId, Hash32 genesisHash, long height, int rpcPort, int p2pPort, int metricsPort,
                       String dataDir, long uptimeSeconds) {
    public NodeInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(dataDir, "dataDir");
    }
}
