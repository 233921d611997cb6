package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.rpc.jsonrpc.JsonCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The shared JSON rendering: exact amounts, fixed field order, same text every time. */
class JsonViewsTest {
    private static final Address SOMEONE = KeyPair.fromSeed(new byte[32]).address();

    @Property(tries = 300)
    void anAmountRendersAsDecimalMtnThatParsesBackExactly(@ForAll @LongRange(min = 0, max = Mtn.TOTAL_SUPPLY) long units) {
        ObjectNode a = JsonViews.account(new AccountView(SOMEONE, units, 0));
        assertThat(Mtn.parse(a.get("balance").asText())).isEqualTo(units);
        assertThat(a.get("balanceUnits").asText()).isEqualTo(Long.toString(units));
    }

    @Test
    void theSmallestAndLargestAmountsRenderWithoutExponents() {
        assertThat(JsonViews.account(new AccountView(SOMEONE, 1, 0)).get("balance").asText()).isEqualTo("0.00000001");
        assertThat(JsonViews.account(new AccountView(SOMEONE, Mtn.TOTAL_SUPPLY, 0)).get("balance").asText()).isEqualTo("400000000");
        assertThat(JsonViews.account(new AccountView(SOMEONE, 0, 0)).get("balance").asText()).isEqualTo("0");
    }

    @Test
    void aCommittedBlockRendersToTheSameTextEveryTime() throws Exception {
        FakeNodeApi node = new FakeNodeApi();
        KeyPair alice = KeyPair.fromSeed(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        node.fund(alice.address(), Mtn.parse("5"));
        node.sendRawTransaction(Transaction.sign(FakeNodeApi.CHAIN_ID, alice, 0, FakeNodeApi.BASE_FEE, new Transfer(SOMEONE, 3)).encode());
        BlockView block = node.commitPending();
        String once = JsonCodec.toText(JsonViews.block(block, true));
        String twice = JsonCodec.toText(JsonViews.block(block, true));
        assertThat(once).isEqualTo(twice);
        assertThat(once).startsWith("{\"hash\":\"" + block.block().hash() + "\",\"chainId\":");
    }

    @Test
    void aReceiptOfAFailedTransactionCarriesItsErrorAndASuccessfulOneANull() {
        Hash32 id = Hash32.of(new byte[32]);
        assertThat(JsonViews.receipt(new ReceiptView(id, 3, 0, id, false, "balance too low", 1000)).get("error").asText())
                .isEqualTo("balance too low");
        assertThat(JsonViews.receipt(new ReceiptView(id, 3, 0, id, true, null, 1000)).get("error").isNull()).isTrue();
    }

    @Test
    void aStatusBeforeTheFirstBlockMayHaveNoLastHash() {
        ObjectNode s = JsonViews.status(new StatusView("c", "n", 0, null, 0, 0, false, 0));
        assertThat(s.get("lastBlockHash").isNull()).isTrue();
    }

    @Test
    void aValidatorVoteShowsItsActionKeyNameSaltAndProposalId() {
        KeyPair sender = KeyPair.fromSeed(new byte[32]);
        KeyPair joiner = KeyPair.fromSeed(new byte[] {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7});
        ValidatorVote v = ValidatorVote.add(joiner.publicKey(), "node4", 3);
        ObjectNode o = JsonViews.transaction(Transaction.sign("c", sender, 0, 1_000, v));
        assertThat(o.get("kind").asText()).isEqualTo("validator-vote");
        assertThat(o.get("action").asText()).isEqualTo("ADD");
        assertThat(o.get("validator").asText()).isEqualTo("0x" + joiner.publicKey().toHex());
        assertThat(o.get("validatorAddress").asText()).isEqualTo(joiner.address().toString());
        assertThat(o.get("name").asText()).isEqualTo("node4");
        assertThat(o.get("salt").asLong()).isEqualTo(3);
        assertThat(o.get("proposalId").asText()).isEqualTo(JsonViews.hash(v.proposalId()));
    }
}
