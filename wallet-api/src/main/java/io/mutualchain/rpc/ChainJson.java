package io.mutualchain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link JsonViews} writes, for a client that must check rather than trust: a block
 * header (whose hash it recomputes) and its commit certificate, a proof answer, and a validator-set
 * hand-over.
 */
public final class ChainJson {
    private ChainJson() {
    }

    /** The header of a block answer; refuses one whose fields do not hash to its "hash". */
    public static BlockHeader header(JsonNode b) {
        BlockHeader h = new BlockHeader(b.path("chainId").asText(), b.path("height").asLong(), hash(b, "prevHash"),
                b.path("timestampMs").asLong(), hash(b, "txRoot"), hash(b, "stateRoot"), hash(b, "receiptsRoot"),
                b.path("txCount").asInt(),
                PublicKey.of(Hex.decode(b.path("proposer").asText())), b.path("view").asLong());
        if (!h.hash().equals(hash(b, "hash"))) {
            throw new IllegalArgumentException("block " + h.height() + ": the header fields hash to " + h.hash() + ", not to the "
                    + b.path("hash").asText() + " the node sent");
        }
        return h;
    }

    public static CommitCertificate certificate(JsonNode c) {
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (JsonNode s : c.path("signatures")) {
            sigs.add(new ValidatorSignature(PublicKey.of(Hex.decode(s.path("validator").asText())),
                    Signature.of(Hex.decode(s.path("signature").asText()))));
        }
        return new CommitCertificate(c.path("view").asLong(), c.path("height").asLong(), hash(c, "blockHash"), sigs);
    }

    public static ProofView proof(JsonNode p) {
        JsonNode v = p.get("value");
        return new ProofView(p.path("kind").asText(), Hex.decode(p.path("stateKey").asText()),
                v == null || v.isNull() ? null : Hex.decode(v.asText()), p.path("height").asLong(), hash(p, "stateRoot"),
                Hex.decode(p.path("proof").asText()));
    }

    /** An entry of {@code mc_getValidatorHandovers}; the header's hash is checked as in {@link #header}. */
    public static HandoverView handover(JsonNode h) {
        return new HandoverView(h.path("base").asLong(), header(h.path("header")), certificate(h.path("certificate")),
                proof(h.path("proof")), validators(h.path("validators")));
    }

    /** A validator list as {@link JsonViews} renders it: name and public key of each, in set order. */
    public static ValidatorSet validators(JsonNode list) {
        List<Validator> vs = new ArrayList<>();
        for (JsonNode v : list) {
            vs.add(new Validator(v.path("name").asText(), PublicKey.of(Hex.decode(v.path("publicKey").asText()))));
        }
        return new ValidatorSet(vs);
    }

    private static Hash32 hash(JsonNode n, String field) {
        return Hash32.of(Hex.decode(n.path(field).asText()));
    }
}
