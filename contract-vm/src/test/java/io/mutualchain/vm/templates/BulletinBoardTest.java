package io.mutualchain.vm.templates;

import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.types.Address;
import io.mutualchain.vm.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.mutualchain.vm.templates.Outcome.bytesAt;
import static io.mutualchain.vm.templates.Outcome.intAt;
import static io.mutualchain.vm.templates.Outcome.ok;
import static io.mutualchain.vm.templates.Outcome.okInt;
import static io.mutualchain.vm.templates.Outcome.reverted;
import static org.assertj.core.api.Assertions.assertThat;

/** BulletinBoard: products published to the public or to invited members, and who sees what. */
class BulletinBoardTest {
    static final GasLog GAS = new GasLog();

    final TestLedger chain = new TestLedger(GAS);
    final Address publisher = chain.member(1, 0, 2, 700);
    final Address invitee = chain.member(2, 0, 1, 500);
    final Address stranger = chain.member(3, 0, 1, 500);
    final Address board = chain.deploy("BulletinBoard");
    final Value terms = Value.of(Sha256.digest("terms".getBytes(StandardCharsets.UTF_8)));

    static Address product(int n) {
        return TestLedger.account(0x70 + n);
    }

    long publish(int n, int category, int invitedOnly) {
        return okInt(chain.call(publisher, board, "publish", 0, Value.of(product(n).toBytes()), Value.of(category), terms, Value.of(invitedOnly)));
    }

    /** Decodes list(): 28-byte entries of an 8-byte id and a 20-byte product address. */
    List<Long> list(Address who, long from, long max) {
        List<Value> r = ok(chain.call(stranger, board, "list", 0, Value.of(who == null ? new byte[0] : who.toBytes()), Value.of(from), Value.of(max)));
        byte[] entries = bytesAt(r, 0);
        assertThat(entries.length % 28).isZero();
        List<Long> ids = new ArrayList<>();
        for (int k = 0; k < entries.length; k += 28) {
            long id = ByteBuffer.wrap(entries, k, 8).getLong();
            assertThat(Arrays.copyOfRange(entries, k + 8, k + 28)).isEqualTo(product((int) id).toBytes());
            ids.add(id);
        }
        return ids;
    }

    @AfterAll
    static void reportGas() {
        GAS.report();
    }

    @Test
    void publicProductsAreListedToEveryoneAndInvitedOnesOnlyToTheirInvitees() {
        assertThat(publish(0, 1, 0)).isZero();
        assertThat(publish(1, 2, 1)).isEqualTo(1);
        assertThat(publish(2, 3, 0)).isEqualTo(2);
        ok(chain.call(publisher, board, "invite", 0, Value.of(1), Value.of(invitee.toBytes())));

        assertThat(list(null, 0, 64)).containsExactly(0L, 2L);
        assertThat(list(stranger, 0, 64)).containsExactly(0L, 2L);
        assertThat(list(invitee, 0, 64)).containsExactly(0L, 1L, 2L);
        assertThat(okInt(chain.call(stranger, board, "can_join", 0, Value.of(1), Value.of(invitee.toBytes())))).isEqualTo(1);
        assertThat(okInt(chain.call(stranger, board, "can_join", 0, Value.of(1), Value.of(stranger.toBytes())))).isZero();
        assertThat(okInt(chain.call(stranger, board, "can_join", 0, Value.of(0), Value.of(stranger.toBytes())))).isEqualTo(1);

        List<Value> p = ok(chain.call(stranger, board, "product", 0, Value.of(1)));
        assertThat(bytesAt(p, 0)).isEqualTo(product(1).toBytes());
        assertThat(bytesAt(p, 1)).isEqualTo(publisher.toBytes());
        assertThat(intAt(p, 2)).as("category").isEqualTo(2);
        assertThat(intAt(p, 4)).as("invited only").isEqualTo(1);
        assertThat(intAt(p, 5)).as("open").isEqualTo(1);
        assertThat(chain.events("published")).hasSize(3);
        assertThat(chain.events("invited")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(invitee));
    }

    @Test
    void onlyThePublisherInvitesOrClosesAndAClosedProductLeavesTheList() {
        long id = publish(0, 1, 1);
        reverted(chain.call(stranger, board, "invite", 0, Value.of(id), Value.of(stranger.toBytes())), "only the publisher may change this listing");
        ok(chain.call(publisher, board, "invite", 0, Value.of(id), Value.of(invitee.toBytes())));
        reverted(chain.call(publisher, board, "invite", 0, Value.of(id), Value.of(invitee.toBytes())), "already invited");
        ok(chain.call(publisher, board, "uninvite", 0, Value.of(id), Value.of(invitee.toBytes())));
        assertThat(list(invitee, 0, 64)).isEmpty();
        ok(chain.call(publisher, board, "invite", 0, Value.of(id), Value.of(invitee.toBytes())));
        assertThat(list(invitee, 0, 64)).containsExactly(id);
        reverted(chain.call(stranger, board, "close", 0, Value.of(id)), "only the publisher may change this listing");
        ok(chain.call(publisher, board, "close", 0, Value.of(id)));
        assertThat(list(invitee, 0, 64)).isEmpty();
        reverted(chain.call(publisher, board, "close", 0, Value.of(id)), "the listing is closed");
        long open = publish(1, 1, 0);
        reverted(chain.call(publisher, board, "invite", 0, Value.of(open), Value.of(invitee.toBytes())), "the product is public: everyone is invited");
    }

    @Test
    void badListingsAreRefusedWithTheReason() {
        reverted(chain.call(publisher, board, "publish", 0, Value.of(new byte[19]), Value.of(1), terms, Value.of(0)),
                "product must be a 20-byte contract address");
        reverted(chain.call(publisher, board, "publish", 0, Value.of(product(0).toBytes()), Value.of(4), terms, Value.of(0)),
                "category must be 1 (health), 2 (accident) or 3 (property)");
        reverted(chain.call(publisher, board, "publish", 0, Value.of(product(0).toBytes()), Value.of(1), Value.of(new byte[3]), Value.of(0)),
                "terms must be a 32-byte SHA-256 hash");
        reverted(chain.call(stranger, board, "product", 0, Value.of(0)), "no such listing");
    }

    @Test
    void aLongBoardIsReadInPagesWithTheCursorListReturns() {
        for (int n = 0; n < 5; n++) {
            publish(n, 1, 0);
        }
        List<Value> page = ok(chain.call(stranger, board, "list", 0, Value.of(new byte[0]), Value.of(0), Value.of(2)));
        assertThat(bytesAt(page, 0)).hasSize(2 * 28);
        assertThat(intAt(page, 1)).as("next").isEqualTo(2);
        assertThat(list(null, 2, 2)).containsExactly(2L, 3L);
        List<Value> last = ok(chain.call(stranger, board, "list", 0, Value.of(new byte[0]), Value.of(4), Value.of(2)));
        assertThat(bytesAt(last, 0)).hasSize(28);
        assertThat(intAt(last, 1)).as("next equals count at the end").isEqualTo(5);
        reverted(chain.call(stranger, board, "list", 0, Value.of(new byte[0]), Value.of(0), Value.of(65)), "max must be 1 to 64");
    }
}
