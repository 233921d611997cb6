package io.mutualchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.tx.ValidatorVote;
import org.junit.jupiter.api.Test;

/** How {@code gov add-validator|remove-validator} reads mc_getValidators to say whether its change is approved, and from when. */
class ValidatorVotesTest {
    private static final String A = "11".repeat(32);
    private static final String B = "22".repeat(32);
    private static final String C = "33".repeat(32);

    private static JsonNode answer(String pending) throws Exception {
        return Printer.JSON.readTree("{\"height\":6,\"epochBase\":4,\"validators\":[{\"publicKey\":\"0x" + A + "\"},{\"publicKey\":\"0x" + B
                + "\"}],\"pending\":" + pending + "}");
    }

    @Test
    void anAdditionShowingInThePendingSetIsApprovedFromItsFirstHeight() throws Exception {
        JsonNode v = answer("{\"fromHeight\":9,\"validators\":[{\"publicKey\":\"0x" + A + "\"},{\"publicKey\":\"0x" + B
                + "\"},{\"publicKey\":\"0x" + C + "\"}]}");
        assertThat(ValidatorVotes.effectiveHeight(v, ValidatorVote.add(PublicKey.fromHex(C), "c", 0))).isEqualTo(9);
    }

    @Test
    void anAdditionShowingNowhereIsStillAwaitingItsQuorum() throws Exception {
        assertThat(ValidatorVotes.effectiveHeight(answer("null"), ValidatorVote.add(PublicKey.fromHex(C), "c", 0))).isZero();
    }

    @Test
    void aRemovalIsApprovedWhenThePendingSetLacksTheKeyAndAwaitingWhileEverySetHasIt() throws Exception {
        JsonNode approved = answer("{\"fromHeight\":9,\"validators\":[{\"publicKey\":\"0x" + A + "\"}]}");
        assertThat(ValidatorVotes.effectiveHeight(approved, ValidatorVote.remove(PublicKey.fromHex(B), 0))).isEqualTo(9);
        assertThat(ValidatorVotes.effectiveHeight(answer("null"), ValidatorVote.remove(PublicKey.fromHex(B), 0))).isZero();
    }

    @Test
    void aChangeAlreadyInForceReportsTheStartOfItsEpoch() throws Exception {
        assertThat(ValidatorVotes.effectiveHeight(answer("null"), ValidatorVote.add(PublicKey.fromHex(B), "b", 0))).isEqualTo(5);
    }

    @Test
    void aKeyGivenWithOrWithoutItsPrefixParsesTheSame() {
        assertThat(ValidatorVotes.parseKey("0x" + A)).isEqualTo(ValidatorVotes.parseKey(A));
    }
}
