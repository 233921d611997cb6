package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts through the real ledger on RocksDB: deploy and call, storage that survives a reopen and
 * is covered by the state root, failed runs that roll back storage and MTN but pay for their gas,
 * MTN into a contract and out through transfer, nested calls that roll back alone, and the supply.
 */
class LedgerContractsOnRocksDbTest {
    static final long GAS = 1_000_000;
    @TempDir
    Path dir;

    private final TestChain chain = new TestChain();
    private final KeyPair alice = chain.users.get(0);
    private final KeyPair bob = chain.users.get(1);
    private final long gasPrice = chain.genesis.params().gasPrice();
    private byte[] code;

    @BeforeEach
    void assemble() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/contracts/counter.masm")) {
            code = Assembler.assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8), "counter.masm", IncludeResolver.none());
        }
    }

    private Transaction tx(Ledger l, KeyPair k, TxPayload p) {
        return Transaction.sign(chain.genesis.chainId(), k, l.account(k.address()).nonce(), TestChain.BASE_FEE, p);
    }

    private Receipt one(Ledger l, KeyPair k, TxPayload p) throws LedgerException {
        List<Receipt> r = chain.commit(l, List.of(tx(l, k, p)));
        return r.get(0);
    }

    private static byte[] args(Value... v) {
        return Values.encode(List.of(v));
    }

    private Address deploy(Ledger l, long start, long value) throws LedgerException {
        long nonce = l.account(alice.address()).nonce();
        Receipt r = one(l, alice, new ContractDeploy(code, args(Value.of(start)), value, GAS));
        assertThat(r.succeeded()).as(r.error()).isTrue();
        Address expected = ContractRules.contractAddress(alice.address(), nonce);
        assertThat(r.contract().created()).isEqualTo(expected);
        return expected;
    }

    private long read(Ledger l, Address c) {
        ContractReceipt r = l.call(bob.address(), c, "read", args(), 0, GAS);
        assertThat(r.status()).isEqualTo(ContractReceipt.Status.SUCCESS);
        return ((Value.Int) Values.decode(r.result()).get(0)).value();
    }

    @Test
    void aDeployedCounterKeepsItsStorageAcrossAReopenAndTheRootCoversIt() throws Exception {
        Address c;
        var rootBefore = (io.mutualchain.core.crypto.Hash32) null;
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            long before = l.account(alice.address()).balance();
            c = deploy(l, 7, 0);
            Receipt deployed = l.receipt(l.blockByHeight(1).get().block().transactions().get(0).id()).get();
            assertThat(deployed.feePaid()).isEqualTo(TestChain.BASE_FEE + deployed.contract().gasUsed() * gasPrice);
            assertThat(l.account(alice.address()).balance()).isEqualTo(before - deployed.feePaid());
            assertThat(l.contract(c)).hasValueSatisfying(d -> assertThat(d.code()).isEqualTo(code));
            Receipt bumped = one(l, bob, new ContractCall(c, "bump", args(Value.of(5)), 0, GAS));
            assertThat(bumped.succeeded()).isTrue();
            assertThat(Values.decode(bumped.contract().result())).containsExactly(Value.of(12));
            assertThat(bumped.contract().events()).hasSize(1);
            assertThat(bumped.contract().events().get(0).contract()).isEqualTo(c);
            assertThat(new String(bumped.contract().events().get(0).topics().get(0), StandardCharsets.UTF_8)).isEqualTo("bumped");
            assertThat(bumped.feePaid()).isEqualTo(TestChain.BASE_FEE + bumped.contract().gasUsed() * gasPrice);
            assertThat(read(l, c)).isEqualTo(12);
            assertThat(l.stateRootByScan()).isEqualTo(l.stateRoot());
            rootBefore = l.stateRoot();
        }
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            assertThat(read(l, c)).isEqualTo(12);
            assertThat(l.stateRoot()).isEqualTo(rootBefore);
            assertThat(l.proveEntry(StateKeys.storageKey(c, "count".getBytes(StandardCharsets.UTF_8))).value()).isPresent();
            one(l, bob, new ContractCall(c, "clear", args(), 0, GAS));
            assertThat(read(l, c)).isZero();
            assertThat(l.proveEntry(StateKeys.storageKey(c, "count".getBytes(StandardCharsets.UTF_8))).value()).isEmpty();
            assertThat(l.stateRootByScan()).isEqualTo(l.stateRoot());
            assertThat(l.totals().matchesSupply()).isTrue();
        }
    }

    @Test
    void aRevertRollsBackStorageAndTransfersButPaysForItsGas() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address c = deploy(l, 1, 10 * Mtn.UNIT);
            long bobBefore = l.account(bob.address()).balance();
            Receipt r = one(l, bob, new ContractCall(c, "payThenRevert", args(Value.of(bob.address().toBytes()), Value.of(3 * Mtn.UNIT)), 0, GAS));
            assertThat(r.status()).isEqualTo(Receipt.Status.REJECTED);
            assertThat(r.contract().status()).isEqualTo(ContractReceipt.Status.REVERTED);
            assertThat(new String(r.contract().revertReason(), StandardCharsets.UTF_8)).isEqualTo("changed my mind");
            assertThat(r.error()).contains("REVERTED").contains("changed my mind");
            assertThat(r.contract().gasUsed()).isPositive();
            assertThat(r.feePaid()).isEqualTo(TestChain.BASE_FEE + r.contract().gasUsed() * gasPrice);
            assertThat(l.account(bob.address()).balance()).isEqualTo(bobBefore - r.feePaid());
            assertThat(l.account(c).balance()).isEqualTo(10 * Mtn.UNIT);
            assertThat(read(l, c)).isEqualTo(1);
            assertThat(l.account(bob.address()).nonce()).isEqualTo(1);

            Receipt capped = one(l, bob, new ContractCall(c, "bump", args(Value.of(5_000)), 0, GAS));
            assertThat(capped.contract().status()).isEqualTo(ContractReceipt.Status.REVERTED);
            assertThat(capped.contract().message()).isEqualTo("counter is at its cap");
            assertThat(l.totals().matchesSupply()).isTrue();
            assertThat(l.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
        }
    }

    @Test
    void runningOutOfGasPaysTheWholeLimit() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address c = deploy(l, 0, 0);
            long limit = 50_000;
            long before = l.account(bob.address()).balance();
            Receipt r = one(l, bob, new ContractCall(c, "spin", args(), 0, limit));
            assertThat(r.contract().status()).isEqualTo(ContractReceipt.Status.OUT_OF_GAS);
            assertThat(r.contract().gasUsed()).isEqualTo(limit);
            assertThat(r.feePaid()).isEqualTo(TestChain.BASE_FEE + limit * gasPrice);
            assertThat(l.account(bob.address()).balance()).isEqualTo(before - r.feePaid());
            Receipt tooSmall = one(l, bob, new ContractDeploy(code, args(Value.of(1)), 0, 100));
            assertThat(tooSmall.contract().status()).isEqualTo(ContractReceipt.Status.OUT_OF_GAS);
            assertThat(tooSmall.feePaid()).isEqualTo(TestChain.BASE_FEE + 100 * gasPrice);
        }
    }

    @Test
    void mtnGoesIntoAContractWithACallAndOutThroughTransfer() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address c = deploy(l, 0, 0);
            Receipt in = one(l, bob, new ContractCall(c, "deposit", args(), 4 * Mtn.UNIT, GAS));
            assertThat(Values.decode(in.contract().result())).containsExactly(Value.of(4 * Mtn.UNIT));
            assertThat(l.account(c).balance()).isEqualTo(4 * Mtn.UNIT);
            Address carol = chain.users.get(2).address();
            long carolBefore = l.account(carol).balance();
            Receipt out = one(l, alice, new ContractCall(c, "pay", args(Value.of(carol.toBytes()), Value.of(Mtn.UNIT)), 0, GAS));
            assertThat(Values.decode(out.contract().result())).containsExactly(Value.of(0));
            assertThat(l.account(carol).balance()).isEqualTo(carolBefore + Mtn.UNIT);
            assertThat(l.account(c).balance()).isEqualTo(3 * Mtn.UNIT);
            Receipt tooMuch = one(l, alice, new ContractCall(c, "pay", args(Value.of(carol.toBytes()), Value.of(10 * Mtn.UNIT)), 0, GAS));
            assertThat(Values.decode(tooMuch.contract().result())).as("status 1: insufficient balance").containsExactly(Value.of(1));
            assertThat(l.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(l.stateRootByScan()).isEqualTo(l.stateRoot());
        }
    }

    @Test
    void aFailedNestedCallRollsBackAloneAndTheCallerCarriesOn() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address a = deploy(l, 0, 0);
            Address b = deploy(l, 990, 0);
            Receipt ok = one(l, bob, new ContractCall(a, "bumpOther", args(Value.of(b.toBytes()), Value.of(5)), 0, GAS));
            assertThat(Values.decode(ok.contract().result())).containsExactly(Value.of(0));
            assertThat(ok.contract().events()).extracting(ContractReceipt.Event::contract).containsExactly(b, a);
            assertThat(read(l, b)).isEqualTo(995);
            Receipt calleeReverts = one(l, bob, new ContractCall(a, "bumpOther", args(Value.of(b.toBytes()), Value.of(50)), 0, GAS));
            assertThat(calleeReverts.succeeded()).isTrue();
            assertThat(Values.decode(calleeReverts.contract().result())).as("status 1: the callee reverted").containsExactly(Value.of(1));
            assertThat(calleeReverts.contract().events()).extracting(ContractReceipt.Event::contract).containsExactly(a);
            assertThat(read(l, b)).isEqualTo(995);
            assertThat(read(l, a)).isEqualTo(2);
            Receipt reentry = one(l, bob, new ContractCall(a, "bumpOther", args(Value.of(a.toBytes()), Value.of(1)), 0, GAS));
            assertThat(Values.decode(reentry.contract().result())).as("status 3: re-entrancy refused").containsExactly(Value.of(3));
        }
    }

    @Test
    void readOnlyCallsChangeNothingAndInitCannotBeCalledAgain() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address c = deploy(l, 3, 0);
            var root = l.stateRoot();
            ContractReceipt sim = l.call(bob.address(), c, "bump", args(Value.of(1)), 0, GAS);
            assertThat(sim.status()).isEqualTo(ContractReceipt.Status.SUCCESS);
            assertThat(sim.gasUsed()).isPositive();
            assertThat(read(l, c)).isEqualTo(3);
            assertThat(l.stateRoot()).isEqualTo(root);
            Receipt again = one(l, bob, new ContractCall(c, "init", args(Value.of(500)), 0, GAS));
            assertThat(again.contract().status()).isEqualTo(ContractReceipt.Status.TRAPPED);
            assertThat(again.contract().message()).startsWith("NO_SUCH_FUNCTION");
            assertThat(read(l, c)).isEqualTo(3);
            Receipt nobody = one(l, bob, new ContractCall(bob.address(), "read", args(), 0, GAS));
            assertThat(nobody.contract().message()).startsWith("NO_SUCH_CONTRACT");
        }
    }

    @Test
    void aSenderMustHoldValuePlusTheWholeGasLimitUpFront() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Address c = deploy(l, 0, 0);
            long balance = l.account(bob.address()).balance();
            long gas = 5_000_000;
            long value = balance - TestChain.BASE_FEE - gas * gasPrice + 1;
            Transaction t = tx(l, bob, new ContractCall(c, "deposit", args(), value, gas));
            assertThat(l.checkAgainstState(t)).hasValueSatisfying(r -> assertThat(r.reason().name()).isEqualTo("INSUFFICIENT_BALANCE"));
            Transaction fits = tx(l, bob, new ContractCall(c, "deposit", args(), value - 1, gas));
            assertThat(l.checkAgainstState(fits)).isEmpty();
        }
    }
}
