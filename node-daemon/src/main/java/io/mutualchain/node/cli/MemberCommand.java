package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.KycAttest;
import io.mutualchain.core.tx.Rate;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code member join|kyc|rate|get}: membership, KYC attestation, ratings after a deal, and a member's level, score and roles. */
@Command(name = "member", description = "Join the community, attest KYC, rate a deal, show a member.",
        subcommands = {MemberCommand.JoinCmd.class, MemberCommand.Kyc.class, MemberCommand.RateCmd.class, MemberCommand.Get.class})
public final class MemberCommand {
    /** Bytes of the random salt that hides a member's profile commitment. */
    static final int SALT_BYTES = 16;

    @Command(name = "join", description = {"Join as a Level 1 member. Age, gender and beneficiary stay off chain: only a salted hash",
            "of them is stored. Keep the printed salt: it is what opens the commitment later."})
    static final class JoinCmd implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--age", required = true)
        int age;
        @Option(names = "--gender", required = true)
        String gender;
        @Option(names = "--beneficiary", required = true, description = "The beneficiary (for example their wallet address).")
        String beneficiary;
        @Option(names = "--fee", paramLabel = "MTN", defaultValue = "1", description = "Joining fee in MTN (default ${DEFAULT-VALUE}, the minimum).")
        String fee;

        @Override
        public void run() {
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            Hash32 commitment;
            long units;
            try {
                commitment = Join.commitment(age, gender, beneficiary, salt);
                units = Mtn.parse(fee);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            KeyPair k = key.load();
            ObjectNode out = Printer.object();
            out.put("member", k.address().toString());
            out.put("level", 1);
            out.put("commitment", commitment.toString());
            out.put("salt", "0x" + Hex.encode(salt));
            TxSender.sendAndPrint(rpc, json, k, new Join(commitment, units), out,
                    k.address() + " joined as a Level 1 member; profile commitment " + commitment + ", salt 0x" + Hex.encode(salt));
        }
    }

    @Command(name = "kyc", description = "As a KYC authority, attest a member's identity check (Level 2); only the record's hash goes on chain.")
    static final class Kyc implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--member", paramLabel = "ADDRESS", required = true)
        String member;
        @Option(names = "--record", paramLabel = "TEXT", required = true, description = "The off-chain record (or its reference); its SHA-256 is stored.")
        String record;

        @Override
        public void run() {
            Address m;
            try {
                m = Address.parse(member);
            } catch (IllegalArgumentException e) {
                throw new UserError("--member: " + e.getMessage());
            }
            Hash32 h = Sha256.hash(record.getBytes(StandardCharsets.UTF_8));
            ObjectNode out = Printer.object();
            out.put("member", m.toString());
            out.put("level", 2);
            out.put("recordHash", h.toString());
            TxSender.sendAndPrint(rpc, json, key.load(), new KycAttest(m, h), out, m + " is now a Level 2 member (record " + h + ")");
        }
    }

    @Command(name = "rate", description = "Rate the other party of a completed transfer (an E06 record of an asset); once per party.")
    static final class RateCmd implements Runnable {
        @Mixin
        KeyOption key;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;
        @Option(names = "--asset", paramLabel = "ID", required = true)
        String asset;
        @Option(names = "--record", paramLabel = "INDEX", required = true, description = "Index of the E06 record in the asset's history.")
        long record;
        @Option(names = "--negative", description = "A negative rating (default positive).")
        boolean negative;

        @Override
        public void run() {
            Hash32 id = TxSender.assetId("--asset", asset);
            ObjectNode out = Printer.object();
            out.put("asset", id.toString());
            out.put("record", record);
            out.put("positive", !negative);
            TxSender.sendAndPrint(rpc, json, key.load(), new Rate(id, record, !negative), out, "rated the deal in record " + record + " of " + id);
        }
    }

    @Command(name = "get", description = "Show a member: balance, level, credit score, roles, locked MTN.")
    static final class Get implements Runnable {
        @Parameters(paramLabel = "ADDRESS")
        String address;
        @Mixin
        RpcOption rpc;
        @Mixin
        JsonOption json;

        @Override
        public void run() {
            JsonNode a = Rpc.callOrFail(rpc, "mc_getAccount", address);
            new Printer(System.out, json.enabled()).print(a, "address: " + a.path("address").asText() + "\nlevel:   " + a.path("memberLevel").asInt()
                    + "\ncredit:  " + a.path("creditScore").asInt() + "\nroles:   " + a.path("roles") + "\nbalance: " + a.path("balance").asText()
                    + " MTN (locked " + a.path("locked").asText() + ")");
        }
    }
}
