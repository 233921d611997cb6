package io.mutualchain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import org.junit.jupiter.api.Test;

/** The JSON of the ledger's objects: account membership fields, asset events as transactions. */
class LedgerJsonViewsTest {
    private static final KeyPair KEY = KeyPair.fromSeed(new byte[32]);
    private static final Address SOMEONE = KEY.address();

    @Test
    void anAccountShowsLevelScoreRolesAndLockedMtn() {
        ObjectNode a = JsonViews.account(new AccountView(SOMEONE, 5 * Mtn.UNIT, 3, 2, 517, Role.GATEWAY.bit() | Role.ARBITER.bit(), Mtn.UNIT));
        assertThat(a.path("memberLevel").asInt()).isEqualTo(2);
        assertThat(a.path("creditScore").asInt()).isEqualTo(517);
        assertThat(a.path("roles").toString()).isEqualTo("[\"GATEWAY\",\"ARBITER\"]");
        assertThat(a.path("locked").asText()).isEqualTo("1");
    }

    @Test
    void anAssetEventRendersItsEventAssetAndFields() {
        Transaction tx = Transaction.sign("c", KEY, 0, 10_000, AssetEvent.transferRequest(Sha256.hash("a".getBytes()), SOMEONE, new byte[] {1}));
        ObjectNode o = JsonViews.transaction(tx);
        assertThat(o.path("kind").asText()).isEqualTo("asset");
        assertThat(o.path("event").asText()).isEqualTo("E04");
        assertThat(o.path("asset").asText()).isEqualTo(Sha256.hash("a".getBytes()).toString());
        assertThat(o.path("to").asText()).isEqualTo(SOMEONE.toString());
        assertThat(o.path("data").asText()).isEqualTo("0x01");
        ObjectNode j = JsonViews.transaction(Transaction.sign("c", KEY, 0, 10_000, new Join(Sha256.hash("p".getBytes()), Mtn.UNIT)));
        assertThat(j.path("kind").asText()).isEqualTo("join");
        assertThat(j.has("kindTag")).isTrue();
    }
}
