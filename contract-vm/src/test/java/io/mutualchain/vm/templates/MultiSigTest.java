package io.mutualchain.vm.templates;

import io.mutualchain.core.types.Address;
import io.mutualchain.vm.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static io.mutualchain.vm.templates.Outcome.intAt;
import static io.mutualchain.vm.templates.Outcome.ok;
import static io.mutualchain.vm.templates.Outcome.okInt;
import static io.mutualchain.vm.templates.Outcome.reverted;
import static org.assertj.core.api.Assertions.assertThat;

/** MultiSig, 2 of 3: nothing moves before the second approval, and a proposal runs once. */
class MultiSigTest {
    static final long MTN = 100_000_000L;
    static final long START_BALANCE = 1_000 * MTN;
    static final GasLog GAS = new GasLog();

    final TestLedger chain = new TestLedger(GAS);
    final Address a = chain.member(1, START_BALANCE, 2, 700);
    final Address b = chain.member(2, START_BALANCE, 2, 700);
    final Address c = chain.member(3, START_BALANCE, 2, 700);
    final Address stranger = chain.member(4, START_BALANCE, 1, 500);
    final Address payee = chain.member(5, START_BALANCE, 1, 500);
    final long totalBefore = chain.totalBalance();

    static Value owners(Address... owners) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Address o : owners) {
            out.writeBytes(o.toBytes());
        }
        return Value.of(out.toByteArray());
    }

    Address wallet() {
        Address w = chain.deploy("MultiSig");
        ok(chain.call(a, w, "init", 50 * MTN, owners(a, b, c), Value.of(2)));
        return w;
    }

    @AfterAll
    static void reportGas() {
        GAS.report();
    }

    @Test
    void aTwoOfThreeTransferExecutesOnlyAfterTheSecondApprovalAndOnlyOnce() {
        Address w = wallet();
        ok(chain.call(c, w, "deposit", 10 * MTN));
        long id = okInt(chain.call(a, w, "propose", 0, Value.of(payee.toBytes()), Value.of(20 * MTN)));
        reverted(chain.call(a, w, "execute", 0, Value.of(id)), "not enough approvals yet");
        ok(chain.call(b, w, "approve", 0, Value.of(id)));
        assertThat(chain.balance(payee)).as("approval alone moves nothing").isEqualTo(START_BALANCE);
        ok(chain.call(c, w, "execute", 0, Value.of(id)));
        assertThat(chain.balance(payee)).isEqualTo(START_BALANCE + 20 * MTN);
        assertThat(chain.balance(w)).isEqualTo(40 * MTN);
        reverted(chain.call(a, w, "execute", 0, Value.of(id)), "proposal already executed");
        reverted(chain.call(c, w, "approve", 0, Value.of(id)), "proposal already executed");
        List<Value> p = ok(chain.call(stranger, w, "proposal", 0, Value.of(id)));
        assertThat(intAt(p, 2)).as("approvals").isEqualTo(2);
        assertThat(intAt(p, 3)).as("executed").isEqualTo(1);
        assertThat(chain.events("executed")).singleElement().satisfies(e -> assertThat(e.subject()).isEqualTo(c));
        assertThat(chain.totalBalance()).isEqualTo(totalBefore);
    }

    @Test
    void aNonOwnerCanNeitherProposeApproveNorExecute() {
        Address w = wallet();
        reverted(chain.call(stranger, w, "propose", 0, Value.of(stranger.toBytes()), Value.of(MTN)), "only an owner may do this");
        long id = okInt(chain.call(a, w, "propose", 0, Value.of(payee.toBytes()), Value.of(MTN)));
        reverted(chain.call(stranger, w, "approve", 0, Value.of(id)), "only an owner may do this");
        ok(chain.call(b, w, "approve", 0, Value.of(id)));
        reverted(chain.call(stranger, w, "execute", 0, Value.of(id)), "only an owner may do this");
    }

    @Test
    void anOwnerApprovesAProposalOnlyOnceAndMayRevoke() {
        Address w = wallet();
        long id = okInt(chain.call(a, w, "propose", 0, Value.of(payee.toBytes()), Value.of(MTN)));
        reverted(chain.call(a, w, "approve", 0, Value.of(id)), "you already approved this proposal");
        ok(chain.call(a, w, "revoke", 0, Value.of(id)));
        reverted(chain.call(a, w, "revoke", 0, Value.of(id)), "you have not approved this proposal");
        ok(chain.call(b, w, "approve", 0, Value.of(id)));
        reverted(chain.call(b, w, "execute", 0, Value.of(id)), "not enough approvals yet");
        ok(chain.call(a, w, "approve", 0, Value.of(id)));
        ok(chain.call(b, w, "execute", 0, Value.of(id)));
        reverted(chain.call(b, w, "approve", 0, Value.of(99)), "no such proposal");
    }

    @Test
    void aTransferAboveTheBalanceIsRefusedAndCanRunOnceFunded() {
        Address w = wallet();
        long id = okInt(chain.call(a, w, "propose", 0, Value.of(payee.toBytes()), Value.of(80 * MTN)));
        ok(chain.call(b, w, "approve", 0, Value.of(id)));
        reverted(chain.call(b, w, "execute", 0, Value.of(id)), "the wallet's balance is below the amount");
        ok(chain.call(stranger, w, "deposit", 30 * MTN));
        ok(chain.call(b, w, "execute", 0, Value.of(id)));
        assertThat(chain.balance(w)).isZero();
    }

    @Test
    void ownersAndThresholdAreCheckedAtConstructionAndFixedAfter() {
        Address w = chain.deploy("MultiSig");
        reverted(chain.call(a, w, "init", 0, owners(a, b, a), Value.of(2)), "an owner is listed twice");
        reverted(chain.call(a, w, "init", 0, owners(a, b), Value.of(3)), "threshold cannot exceed the number of owners");
        reverted(chain.call(a, w, "init", 0, Value.of(new byte[30]), Value.of(1)), "owners must be 20-byte addresses concatenated");
        ok(chain.call(a, w, "init", 0, owners(a, b, c), Value.of(2)));
        reverted(chain.call(stranger, w, "init", 0, owners(stranger), Value.of(1)), "already initialised");
        List<Value> o = ok(chain.call(stranger, w, "owners", 0));
        assertThat(Outcome.bytesAt(o, 0)).hasSize(60);
        assertThat(intAt(o, 1)).isEqualTo(2);
    }
}
