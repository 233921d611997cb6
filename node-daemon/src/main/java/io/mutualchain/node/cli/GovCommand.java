package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.tx.FraudRuling;
import io.mutualchain.core.tx.GovernanceVote;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gov vote} (role changes, committee transfers), {@code gov add-validator} / {@code remove-validator}
 * (validator-set changes, see {@link ValidatorVotes}) and {@code gov fraud} (an arbiter's ruling).
 */
@Command(name = "gov", description = "Governance votes (roles, the committee's reserve, the validator set) and arbiters' fraud rulings.",
        subcommands = {GovCommand.Vote.class, ValidatorVotes.Add.class, ValidatorVotes.Remove.class, GovCommand.Fraud.class})
public final class GovCommand {

    @Command(name = "vote", description = {"Vote for a proposal; every voter sends the same proposal. A role change is carried out when",
            "the committee's threshold or a validator quorum (2f + 1) has voted, a committee transfer at the committee's threshold."})
    static final class Vote implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--action", required = true, description = "GRANT_ROLE, REVOKE_ROLE or COMMITTEE_TRANSFER.")
        GovernanceVote.Action action;
        @Option(names = "--target", paramLabel = "ADDRESS", required = true, description = "Whose role changes, or who receives the transfer.")
        String target;
        @Option(names = "--role", description = "GATEWAY, CREDITOR, KYC_AUTHORITY or ARBITER (role changes).")
        String role;
        @Option(names = "--amount", paramLabel = "MTN", description = "MTN to move out of the committee's account (COMMITTEE_TRANSFER).")
        String amount;
        @Option(names = "--salt", defaultValue = "0", description = "Distinguishes a repeated proposal (default ${DEFAULT-VALUE}).")
        long salt;

        @Override
        public void run() {
            GovernanceVote v;
            try {
                v = new GovernanceVote(action, Address.parse(target), role == null ? null : Role.parse(role),
                        amount == null ? 0 : Mtn.parse(amount), salt);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            KeyPair k = key.load();
            ObjectNode out = Printer.object();
            out.put("proposal", v.proposalId().toString());
            out.put("voter", k.address().toString());
            TxSender.sendAndPrint(rpc, json, k, v, out, "voted for proposal " + v.proposalId());
        }
    }

    @Command(name = "fraud", description = "As an arbiter, rule that a party made a fraudulent claim about an asset (lowers their credit score).")
    static final class Fraud implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--party", paramLabel = "ADDRESS", required = true)
        String party;
        @Option(names = "--asset", paramLabel = "ID", required = true)
        String asset;
        @Option(names = "--evidence", paramLabel = "TEXT", required = true, description = "The ruling's file or reference; its SHA-256 is stored.")
        String evidence;

        @Override
        public void run() {
            FraudRuling f;
            try {
                f = new FraudRuling(Address.parse(party), TxSender.assetId("--asset", asset),
                        io.mutualchain.core.crypto.Sha256.hash(evidence.getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            ObjectNode out = Printer.object();
            out.put("party", f.party().toString());
            out.put("asset", f.assetId().toString());
            TxSender.sendAndPrint(rpc, json, key.load(), f, out, "fraud ruling against " + f.party() + " committed");
        }
    }
}
