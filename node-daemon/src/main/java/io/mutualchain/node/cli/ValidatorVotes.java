package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.tx.ValidatorVote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gov add-validator} and {@code gov remove-validator}: a validator's vote on a validator-set
 * change. Every voter sends the same proposal (same key, name and salt); the vote that brings a
 * quorum (2f + 1) of the set in force carries it out, and the new set takes over at the block after
 * the next checkpoint. After the receipt the command asks the node whether the change is now approved.
 */
final class ValidatorVotes {
    private ValidatorVotes() {
    }

    @Command(name = "add-validator", description = {"As a validator, vote to add a validator. When a quorum (2f + 1) of the set in force",
            "has voted, the new set signs from the block after the next checkpoint."})
    static final class Add implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--pubkey", paramLabel = "HEX", required = true, description = "The new validator's Ed25519 public key (64 hex digits).")
        String pubkey;
        @Option(names = "--name", required = true, description = "The new validator's display name (1 to 64 characters).")
        String name;
        @Option(names = "--salt", defaultValue = "0", description = "Distinguishes a repeated proposal (default ${DEFAULT-VALUE}).")
        long salt;

        @Override
        public void run() {
            ValidatorVote v;
            try {
                v = ValidatorVote.add(parseKey(pubkey), name, salt);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            send(rpc, json, key.load(), v);
        }
    }

    @Command(name = "remove-validator", description = {"As a validator, vote to remove a validator. When a quorum (2f + 1) of the set in force",
            "has voted, the smaller set signs from the block after the next checkpoint."})
    static final class Remove implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--pubkey", paramLabel = "HEX", required = true, description = "The validator's Ed25519 public key (64 hex digits).")
        String pubkey;
        @Option(names = "--salt", defaultValue = "0", description = "Distinguishes a repeated proposal (default ${DEFAULT-VALUE}).")
        long salt;

        @Override
        public void run() {
            ValidatorVote v;
            try {
                v = ValidatorVote.remove(parseKey(pubkey), salt);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            send(rpc, json, key.load(), v);
        }
    }

    static PublicKey parseKey(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        try {
            return PublicKey.fromHex(h);
        } catch (IllegalArgumentException e) {
            throw new UserError("--pubkey: " + e.getMessage());
        }
    }

    /** Sends the vote, requires a successful receipt, then reports whether the change is approved and from which height it applies. */
    private static void send(RpcOption rpc, JsonOption json, KeyPair k, ValidatorVote v) {
        JsonNode receipt = TxSender.send(rpc, k, TxSender.nextNonce(rpc, k), v);
        TxSender.requireSuccess(receipt);
        ObjectNode out = Printer.object();
        out.put("proposal", v.proposalId().toString());
        out.put("action", v.action().name());
        out.put("validator", "0x" + v.validator().toHex());
        out.put("voter", k.address().toString());
        out.put("txId", receipt.path("txId").asText());
        out.put("height", receipt.path("height").asLong());
        String text;
        long from = effectiveHeight(Rpc.callOrFail(rpc, "mc_getValidators"), v);
        if (from > 0) {
            out.put("status", "approved");
            out.put("effectiveHeight", from);
            text = "proposal " + v.proposalId() + " approved: the new validator set signs from height " + from;
        } else {
            out.put("status", "awaiting-quorum");
            out.putNull("effectiveHeight");
            text = "voted for proposal " + v.proposalId() + "; it needs more votes from validators";
        }
        new Printer(System.out, json.enabled()).print(out, text + " (vote in block " + receipt.path("height").asLong() + ", tx " + receipt.path("txId").asText() + ")");
    }

    /**
     * The first height at which the change shows in the node's validator sets (pending, else in force), or 0 if it
     * does not show yet. A successful vote whose change shows was the deciding one, or the change was made by a vote
     * in the same block; either way it is approved.
     */
    static long effectiveHeight(JsonNode validators, ValidatorVote v) {
        JsonNode pending = validators.path("pending");
        if (pending.isObject() && shows(pending.path("validators"), v)) {
            return pending.path("fromHeight").asLong();
        }
        if (shows(validators.path("validators"), v)) {
            return validators.path("epochBase").asLong() + 1;
        }
        return 0;
    }

    private static boolean shows(JsonNode list, ValidatorVote v) {
        String key = "0x" + v.validator().toHex();
        boolean present = false;
        for (JsonNode e : list) {
            present |= key.equalsIgnoreCase(e.path("publicKey").asText());
        }
        return v.action() == ValidatorVote.Action.ADD ? present : !present;
    }
}
