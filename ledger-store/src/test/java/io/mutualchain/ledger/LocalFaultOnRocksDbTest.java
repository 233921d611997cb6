package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/**
 * A store read that fails while a block is validated or committed, on real RocksDB: the failure
 * leaves the ledger as a typed {@link LocalFault} (never a receipt, never a refusal of the block),
 * nothing of the block is written, and after a reopen the same block commits as on a healthy node.
 * The failure is injected where RocksDB would raise it, so it takes the production path.
 */
class LocalFaultOnRocksDbTest {
    static final long GAS = 1_000_000;
    @TempDir
    Path dir;

    private final TestChain chain = new TestChain();
    private final KeyPair alice = chain.users.get(0);
    private final KeyPair bob = chain.users.get(1);
    private byte[] code;

    @BeforeEach
    void assemble() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/contracts/counter.masm")) {
            code = Assembler.assemble(new String(in.readAllBytes(), StandardCharsets.UTF_8), "counter.masm", IncludeResolver.none());
        }
    }

    /** Fails every read of {@code key} in {@code cf} with the status RocksDB gives a damaged table block. */
    private static RocksLedgerDb.ReadFaults failing(Cf cf, byte[] key, AtomicInteger hits) {
        return (c, k) -> {
            if (c == cf && Arrays.equals(k, key)) {
                hits.incrementAndGet();
                throw new RocksDBException("block checksum mismatch: stored = 1, computed = 2 in 000042.sst",
                        new Status(Status.Code.Corruption, Status.SubCode.None, "block checksum mismatch"));
            }
        };
    }

    private Transaction tx(Ledger l, KeyPair k, TxPayload p) {
        return Transaction.sign(chain.genesis.chainId(), k, l.account(k.address()).nonce(), TestChain.BASE_FEE, p);
    }

    private Address deployCounter(Ledger l) throws LedgerException {
        long nonce = l.account(alice.address()).nonce();
        Receipt r = chain.commit(l, List.of(tx(l, alice, new ContractDeploy(code, Values.encode(List.of(Value.of(5))), 0, GAS)))).get(0);
        assertThat(r.succeeded()).as(r.error()).isTrue();
        return ContractRules.contractAddress(alice.address(), nonce);
    }

    /** Commits {@code block} with a fault injected, expects the fault, then checks a reopened ledger is where it was and commits it. */
    private List<Receipt> faultThenRecover(Ledger l, Block block, RocksLedgerDb.ReadFaults faults, AtomicInteger hits) throws Exception {
        long height = l.height();
        Hash32 root = l.stateRoot();
        l.injectReadFaults(faults);
        assertThatThrownBy(() -> l.commit(block, chain.certify(block)))
                .isInstanceOfSatisfying(LocalFault.class, f -> assertThat(f.kind()).isEqualTo(LocalFault.Kind.STORE_READ))
                .hasMessageContaining(dir.toString())
                .satisfies(f -> assertThat(f.getMessage()).contains(f.getCause().getMessage()))
                .hasCauseInstanceOf(RocksDBException.class);
        assertThat(hits.get()).as("the fault was hit").isPositive();
        assertThat(l.height()).isEqualTo(height);
        assertThat(l.blockByHash(block.hash())).isEmpty();
        l.close();
        try (Ledger reopened = Ledger.open(dir, chain.genesis)) {
            assertThat(reopened.height()).isEqualTo(height);
            assertThat(reopened.stateRoot()).isEqualTo(root);
            assertThat(reopened.stateRootByScan()).isEqualTo(root);
            for (Transaction t : block.transactions()) {
                assertThat(reopened.receipt(t.id())).isEmpty();
            }
            List<Receipt> receipts = reopened.commit(block, chain.certify(block));
            assertThat(reopened.height()).isEqualTo(height + 1);
            return receipts;
        }
    }

    @Test
    void aStorageReadThatFailsDuringAContractCallStopsTheCommitInsteadOfBecomingATrappedReceipt() throws Exception {
        Ledger l = Ledger.open(dir, chain.genesis);
        Address counter = deployCounter(l);
        Block b = chain.nextBlock(l, List.of(tx(l, bob, new ContractCall(counter, "bump", Values.encode(List.of(Value.of(1))), 0, GAS))));
        AtomicInteger hits = new AtomicInteger();
        byte[] slot = StateKeys.storageKey(counter, "count".getBytes(StandardCharsets.UTF_8));
        List<Receipt> receipts = faultThenRecover(l, b, failing(Cf.STATE, slot, hits), hits);
        assertThat(receipts.get(0).succeeded()).as(receipts.get(0).error()).isTrue();
    }

    @Test
    void anAccountReadThatFailsDuringATransferStopsTheCommitAndWritesNothing() throws Exception {
        Ledger l = Ledger.open(dir, chain.genesis);
        Block b = chain.nextBlock(l, List.of(chain.transfer(alice, 0, bob.address(), 7)));
        AtomicInteger hits = new AtomicInteger();
        List<Receipt> receipts = faultThenRecover(l, b, failing(Cf.ACCOUNTS, bob.address().toBytes(), hits), hits);
        assertThat(receipts.get(0).succeeded()).isTrue();
    }

    @Test
    void aStateTreeReadThatFailsWhileTheCommitComputesTheNewRootWritesNothing() throws Exception {
        Ledger l = Ledger.open(dir, chain.genesis);
        Block b = chain.nextBlock(l, List.of(chain.transfer(alice, 0, bob.address(), 7)));
        AtomicInteger hits = new AtomicInteger();
        RocksLedgerDb.ReadFaults treeFails = (cf, key) -> {
            if (cf == Cf.STATE_TREE) {
                hits.incrementAndGet();
                throw new RocksDBException("IO error: while pread offset 4096 len 4096: Input/output error");
            }
        };
        faultThenRecover(l, b, treeFails, hits);
    }

    @Test
    void aReadThatFailsWhileValidatingAProposalIsAFaultNotAReasonToRefuseTheBlock() throws Exception {
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            Block b = chain.nextBlock(l, List.of(chain.transfer(alice, 0, bob.address(), 7)));
            assertThat(l.validateProposal(b).isOk()).isTrue();
            AtomicInteger hits = new AtomicInteger();
            l.injectReadFaults(failing(Cf.ACCOUNTS, alice.address().toBytes(), hits));
            assertThatThrownBy(() -> l.validateProposal(b)).isInstanceOf(LocalFault.class).hasMessageContaining("accounts");
            assertThat(hits.get()).isPositive();
            l.injectReadFaults(RocksLedgerDb.NO_READ_FAULTS);
            assertThat(l.validateProposal(b).isOk()).isTrue();
        }
    }

    @Test
    void theEventBoundIsStillADeterministicHostErrorReceiptAndNotAFault() throws Exception {
        byte[] spammer = Assembler.assemble("""
                .func spam() export
                loop:
                    pushb "t"
                    pushb "d"
                    emit 1
                    jump loop
                .end
                """, "spam.masm", IncludeResolver.none());
        try (Ledger l = Ledger.open(dir, chain.genesis)) {
            long nonce = l.account(alice.address()).nonce();
            assertThat(chain.commit(l, List.of(tx(l, alice, new ContractDeploy(spammer, Values.encode(List.of()), 0, GAS)))).get(0).succeeded()).isTrue();
            Address a = ContractRules.contractAddress(alice.address(), nonce);
            Receipt r = chain.commit(l, List.of(tx(l, bob, new ContractCall(a, "spam", Values.encode(List.of()), 0, GAS)))).get(0);
            assertThat(r.contract().status()).isEqualTo(ContractReceipt.Status.TRAPPED);
            assertThat(r.contract().message()).startsWith("HOST_ERROR: a transaction may emit at most " + ContractReceipt.EVENTS_MAX + " events");
        }
    }
}
