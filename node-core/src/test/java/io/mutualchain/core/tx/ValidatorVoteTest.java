package io.mutualchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.testkit.TestKeys;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The validator-set vote (kind 11): round trip, strict decoding, and a proposal id that only its fields decide. */
class ValidatorVoteTest {
    private static final KeyPair SENDER = TestKeys.key(1);
    private static final PublicKey NEWCOMER = PublicKey.of(filled(0x11));

    private static byte[] filled(int b) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) b);
        return k;
    }

    private static TxPayload decodePayload(byte[] bytes) {
        return Decoding.strict(bytes, "payload", TxPayload::read);
    }

    private static byte[] encoded(int action, byte[] key, String name, long salt) {
        CanonicalWriter w = new CanonicalWriter().u8(ValidatorVote.KIND).u8(action).fixed(key).string(name);
        return w.uint(salt).toByteArray();
    }

    @Test
    void anAdditionAndARemovalSurviveASignedTransactionRoundTrip() {
        for (ValidatorVote v : new ValidatorVote[] {ValidatorVote.add(NEWCOMER, "node4", 7), ValidatorVote.remove(NEWCOMER, 0)}) {
            Transaction tx = Transaction.sign("c", SENDER, 3, 10_000, v);
            Transaction back = Transaction.decode(tx.encode());
            assertThat(back.payload()).isEqualTo(v);
            assertThat(back.payload().kind()).isEqualTo(11);
            assertThat(back.payload().kindName()).isEqualTo("validator-vote");
            assertThat(back.id()).isEqualTo(tx.id());
            assertThat(back.hasValidSignature()).isTrue();
        }
    }

    @Test
    void theEncodingIsActionKeyNameAndSaltAfterTheTag() {
        assertThat(encodedOf(ValidatorVote.add(NEWCOMER, "node4", 7))).isEqualTo(encoded(1, filled(0x11), "node4", 7));
        assertThat(encodedOf(ValidatorVote.remove(NEWCOMER, 300))).isEqualTo(encoded(2, filled(0x11), "", 300));
    }

    private static byte[] encodedOf(TxPayload p) {
        CanonicalWriter w = new CanonicalWriter();
        p.write(w);
        return w.toByteArray();
    }

    @Test
    void theProposalIdIsAKnownHashOfTheTaggedFields() {
        // SHA-256("MC-VALIDATOR-PROPOSAL-V1" || 01 || 32 x 0x11 || 05 "node4" || 07), computed outside Java.
        assertThat(ValidatorVote.add(NEWCOMER, "node4", 7).proposalId().toHex())
                .isEqualTo("ad589e26889748aa3a3f522c8c7e223d8fc6ae2bb2f1c8b5599272668ca2007f");
        assertThat(ValidatorVote.remove(NEWCOMER, 7).proposalId().toHex())
                .isEqualTo("80918f42b8f486edb09a8d40f862c416b1eb5802a624371de5754d3d2ba59b31");
    }

    @Test
    void aProposalIdDependsOnEveryField() {
        ValidatorVote v = ValidatorVote.add(NEWCOMER, "node4", 0);
        assertThat(v.proposalId()).isEqualTo(ValidatorVote.add(NEWCOMER, "node4", 0).proposalId());
        assertThat(v.proposalId()).isNotEqualTo(ValidatorVote.add(NEWCOMER, "node5", 0).proposalId());
        assertThat(v.proposalId()).isNotEqualTo(ValidatorVote.add(NEWCOMER, "node4", 1).proposalId());
        assertThat(v.proposalId()).isNotEqualTo(ValidatorVote.add(PublicKey.of(filled(0x12)), "node4", 0).proposalId());
        assertThat(ValidatorVote.remove(NEWCOMER, 0).proposalId()).isNotEqualTo(v.proposalId());
    }

    @Test
    void anAdditionNeedsAValidNameAndARemovalNone() {
        assertThatThrownBy(() -> ValidatorVote.add(NEWCOMER, "", 0)).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> ValidatorVote.add(NEWCOMER, "x".repeat(65), 0)).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> new ValidatorVote(ValidatorVote.Action.REMOVE, NEWCOMER, "node4", 0)).hasMessageContaining("no name");
        assertThatThrownBy(() -> ValidatorVote.add(NEWCOMER, "node4", -1)).hasMessageContaining("salt");
        assertThat(ValidatorVote.add(NEWCOMER, "x".repeat(64), 0).name()).hasSize(64);
    }

    @Test
    void anUnknownActionDoesNotDecode() {
        assertThatThrownBy(() -> decodePayload(encoded(0, filled(1), "n", 0))).isInstanceOf(CodecException.class).hasMessageContaining("unknown action 0");
        assertThatThrownBy(() -> decodePayload(encoded(3, filled(1), "n", 0))).isInstanceOf(CodecException.class).hasMessageContaining("unknown action 3");
    }

    @Test
    void aRemovalWithANameOrAnAdditionWithoutOneDoesNotDecode() {
        assertThatThrownBy(() -> decodePayload(encoded(2, filled(1), "n", 0))).isInstanceOf(CodecException.class).hasMessageContaining("no name");
        assertThatThrownBy(() -> decodePayload(encoded(1, filled(1), "", 0))).isInstanceOf(CodecException.class).hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> decodePayload(encoded(1, filled(1), "   ", 0))).isInstanceOf(CodecException.class);
    }

    @Test
    void anOverlongNameIsRefusedBeforeItIsRead() {
        byte[] bytes = encoded(1, filled(1), "y".repeat(ValidatorVote.MAX_NAME_BYTES + 1), 0);
        assertThatThrownBy(() -> decodePayload(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("out of range");
    }

    @Test
    void aTruncatedOrPaddedVoteDoesNotDecode() {
        byte[] good = encoded(1, filled(1), "node4", 9);
        assertThat(decodePayload(good)).isEqualTo(ValidatorVote.add(PublicKey.of(filled(1)), "node4", 9));
        for (int cut = 1; cut < good.length; cut++) {
            byte[] shorter = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> decodePayload(shorter)).as("cut at %d", cut).isInstanceOf(CodecException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> decodePayload(longer)).isInstanceOf(CodecException.class).hasMessageContaining("trailing");
    }

    @Test
    void aNameThatIsNotUtf8DoesNotDecode() {
        CanonicalWriter w = new CanonicalWriter().u8(ValidatorVote.KIND).u8(1).fixed(filled(1)).bytes(new byte[] {(byte) 0xC3, 0x28});
        byte[] bytes = w.uint(0).toByteArray();
        assertThatThrownBy(() -> decodePayload(bytes)).isInstanceOf(CodecException.class).hasMessageContaining("UTF-8");
    }
}
