package io.mutualchain.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.rpc.AccountInfo;
import io.mutualchain.rpc.ChainJson;
import io.mutualchain.rpc.RpcClient;
import io.mutualchain.rpc.RpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node's committed chain as the checkers see it, read over JSON-RPC after the faults: every
 * block up to a height with its transactions, the result of checking its header hash and its commit
 * certificate offline, and the balances and nonces of the accounts the workload used, read at
 * exactly that height.
 *
 * @param balances address → balance in base units at {@code height()}
 * @param nonces   address → next nonce at {@code height()}
 */
record ChainView(String node, List<Block> blocks, Map<String, Long> balances, Map<String, Long> nonces, long supplyTotalUnits) {
    /** Tries to read the accounts between two equal head heights before giving up. */
    static final int STABLE_READ_ATTEMPTS = 20;

    /**
     * @param certificateProblem null when the header hashes to {@code hash} and the certificate holds a
     *                           quorum of valid signatures of the set in force over exactly that hash
     */
    record Block(long height, String hash, String prevHash, String stateRoot, List<ChainTx> txs, String certificateProblem) {
    }

    /** A committed transaction; {@code to} and {@code amountUnits} only for transfers. */
    record ChainTx(String id, String from, long nonce, String kind, String to, long amountUnits) {
    }

    ChainView {
        blocks = List.copyOf(blocks);
        balances = Map.copyOf(balances);
        nonces = Map.copyOf(nonces);
    }

    long height() {
        return blocks.size();
    }

    /** Block {@code h} (1-based), or null above the tip. */
    Block block(long h) {
        return h >= 1 && h <= blocks.size() ? blocks.get((int) (h - 1)) : null;
    }

    /**
     * Reads the accounts with the head height unchanged around the read, then every block up to that
     * height (verifying each certificate against {@code mc_getValidators} at its height).
     */
    static ChainView collect(String node, RpcClient rpc, Collection<Address> accounts) throws IOException, RpcException {
        for (int attempt = 0; attempt < STABLE_READ_ATTEMPTS; attempt++) {
            long before = rpc.blockNumber();
            Map<String, Long> balances = new TreeMap<>();
            Map<String, Long> nonces = new TreeMap<>();
            for (Address a : accounts) {
                AccountInfo info = rpc.account(a);
                balances.put(a.toString(), info.balance());
                nonces.put(a.toString(), info.nonce());
            }
            long supply = rpc.supply().path("totalUnits").asLong();
            if (rpc.blockNumber() == before) {
                return new ChainView(node, blocks(rpc, before), balances, nonces, supply);
            }
        }
        throw new IOException(node + ": the head kept moving while its accounts were read (" + STABLE_READ_ATTEMPTS + " attempts)");
    }

    private static List<Block> blocks(RpcClient rpc, long upTo) throws IOException, RpcException {
        String chainId = rpc.chainId();
        List<Block> out = new ArrayList<>();
        for (long h = 1; h <= upTo; h++) {
            JsonNode b = rpc.block(h, true).orElseThrow(() -> new IOException("block missing below the head"));
            List<ChainTx> txs = new ArrayList<>();
            for (JsonNode t : b.path("transactions")) {
                boolean transfer = "transfer".equals(t.path("kind").asText());
                txs.add(new ChainTx(lower(t.path("id").asText()), t.path("from").asText(), t.path("nonce").asLong(), t.path("kind").asText(),
                        transfer ? t.path("to").asText() : null, transfer ? Long.parseLong(t.path("amountUnits").asText()) : 0));
            }
            out.add(new Block(h, lower(b.path("hash").asText()), lower(b.path("prevHash").asText()), lower(b.path("stateRoot").asText()),
                    txs, certificateProblem(rpc, chainId, h, b).orElse(null)));
        }
        return out;
    }

    private static Optional<String> certificateProblem(RpcClient rpc, String chainId, long h, JsonNode b) throws IOException, RpcException {
        BlockHeader header;
        CommitCertificate cert;
        try {
            header = ChainJson.header(b);
            cert = ChainJson.certificate(b.path("certificate"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("unreadable header or certificate: " + e.getMessage());
        }
        JsonNode v = rpc.validators(h);
        ValidatorSet set = ChainJson.validators(v.path("validators"));
        // The quorum is computed from the set, not taken from the answer: a node cannot lower it.
        return cert.verify(chainId, set.keys(), set.quorum(), header.hash(), h).refusal().map(Validation.Refused::message);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
