package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxRejection;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.BlockExecutor;
import io.mutualchain.ledger.exec.BlockExecutor.Status;
import io.mutualchain.ledger.exec.BlockExecutor.TxOutcome;
import io.mutualchain.ledger.exec.Refusal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receipts root: it covers every outcome field consensus depends on, leaves out the texts, and the next header must carry it. */
class ReceiptsRootTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();
    final KeyPair alice = chain.users.get(0);
    final Address bob = chain.users.get(1).address();

    private static ContractReceipt run(ContractReceipt.Status status, long gas, byte[] result, byte[] eventData, byte[] revert, String message) {
        List<ContractReceipt.Event> events = status == ContractReceipt.Status.SUCCESS
                ? List.of(new ContractReceipt.Event(TestChain.key(55).address(), List.of(new byte[] {1}), eventData)) : List.of();
        return new ContractReceipt(status, gas, status == ContractReceipt.Status.SUCCESS ? result : new byte[0], events, revert, message, null);
    }

    private static TxOutcome ok(long fee, ContractReceipt c) {
        return new TxOutcome(Status.SUCCESS, Optional.empty(), Optional.empty(), fee, Optional.of(c));
    }

    private static Hash32 root(Transaction tx, TxOutcome o) {
        return ReceiptsRoot.of(List.of(tx), List.of(o));
    }

    @Test
    void everyConsensusFieldOfAReceiptChangesTheRootAndTheTextsDoNot() {
        Transaction tx = chain.transfer(alice, 0, bob, 1);
        ContractReceipt base = run(ContractReceipt.Status.SUCCESS, 500, new byte[] {9}, new byte[] {7}, new byte[0], "");
        Hash32 r = root(tx, ok(10_500, base));
        assertThat(root(tx, ok(10_501, base))).as("fee").isNotEqualTo(r);
        assertThat(root(tx, ok(10_500, run(ContractReceipt.Status.SUCCESS, 501, new byte[] {9}, new byte[] {7}, new byte[0], ""))))
                .as("gas used").isNotEqualTo(r);
        assertThat(root(tx, ok(10_500, run(ContractReceipt.Status.SUCCESS, 500, new byte[] {8}, new byte[] {7}, new byte[0], ""))))
                .as("result").isNotEqualTo(r);
        assertThat(root(tx, ok(10_500, run(ContractReceipt.Status.SUCCESS, 500, new byte[] {9}, new byte[] {6}, new byte[0], ""))))
                .as("event data").isNotEqualTo(r);
        assertThat(root(tx, new TxOutcome(Status.SUCCESS, Optional.empty(), Optional.empty(), 10_500, Optional.empty())))
                .as("whether a contract ran").isNotEqualTo(r);
        assertThat(root(chain.transfer(alice, 1, bob, 1), ok(10_500, base))).as("transaction").isNotEqualTo(r);

        ContractReceipt trapped = run(ContractReceipt.Status.TRAPPED, 500, null, null, new byte[0], "HOST_ERROR: /var/lib/node-a/ledger/000123.sst");
        TxRejection why = TxRejection.of(TxRejection.Reason.NOT_ALLOWED, "TRAPPED: on node a");
        Hash32 onA = root(tx, new TxOutcome(Status.REJECTED, Optional.of(why), Optional.empty(), 10_500, Optional.of(trapped)));
        ContractReceipt trappedElsewhere = run(ContractReceipt.Status.TRAPPED, 500, null, null, new byte[0], "HOST_ERROR: /srv/b/000999.sst");
        TxRejection whyElsewhere = TxRejection.of(TxRejection.Reason.NOT_ALLOWED, "TRAPPED: on node b");
        assertThat(root(tx, new TxOutcome(Status.REJECTED, Optional.of(whyElsewhere), Optional.empty(), 10_500, Optional.of(trappedElsewhere))))
                .as("messages and local details are not committed").isEqualTo(onA);
        assertThat(root(tx, new TxOutcome(Status.REJECTED, Optional.of(why), Optional.empty(), 10_500,
                Optional.of(run(ContractReceipt.Status.OUT_OF_GAS, 500, null, null, new byte[0], "")))))
                .as("contract status").isNotEqualTo(onA);
        Hash32 revertedOne = root(tx, new TxOutcome(Status.REJECTED, Optional.of(why), Optional.empty(), 10_500,
                Optional.of(run(ContractReceipt.Status.REVERTED, 500, null, null, new byte[] {1}, ""))));
        Hash32 revertedTwo = root(tx, new TxOutcome(Status.REJECTED, Optional.of(why), Optional.empty(), 10_500,
                Optional.of(run(ContractReceipt.Status.REVERTED, 500, null, null, new byte[] {2}, ""))));
        assertThat(revertedOne).as("revert reason").isNotEqualTo(revertedTwo);

        TxOutcome refused = new TxOutcome(Status.REJECTED, Optional.of(TxRejection.of(TxRejection.Reason.NOT_ALLOWED, "x")),
                Optional.of(new Refusal(Refusal.Code.DAILY_LIMIT, "x")), 10_000);
        TxOutcome refusedOtherwise = new TxOutcome(Status.REJECTED, Optional.of(TxRejection.of(TxRejection.Reason.NOT_ALLOWED, "x")),
                Optional.of(new Refusal(Refusal.Code.MEMBER_LEVEL, "x")), 10_000);
        assertThat(root(tx, refused)).as("the rule that refused it").isNotEqualTo(root(tx, refusedOtherwise));
        TxOutcome failed = new TxOutcome(Status.FAILED, Optional.of(TxRejection.of(TxRejection.Reason.NONCE_TOO_LOW, "x")), Optional.empty(), 0);
        TxOutcome failedOtherwise = new TxOutcome(Status.FAILED, Optional.of(TxRejection.of(TxRejection.Reason.INSUFFICIENT_BALANCE, "x")),
                Optional.empty(), 0);
        assertThat(root(tx, failed)).as("why it failed").isNotEqualTo(root(tx, failedOtherwise));
    }

    @Test
    void theNextHeaderCarriesTheParentsReceiptsRootAndAWrongOneIsRefused() throws Exception {
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            assertThat(ledger.receiptsRoot()).as("genesis has no receipts").isEqualTo(ReceiptsRoot.NONE);
            chain.commit(ledger, List.of(chain.transfer(alice, 0, bob, 1), chain.transfer(alice, 1, bob, 2)));
            Hash32 afterTransfers = ledger.receiptsRoot();
            assertThat(afterTransfers).isNotEqualTo(ReceiptsRoot.NONE);

            Block good = chain.nextBlock(ledger, List.of(chain.transfer(alice, 2, bob, 3)));
            assertThat(good.header().receiptsRoot()).isEqualTo(afterTransfers);
            assertThat(ledger.validateProposal(good).isOk()).isTrue();

            BlockHeader h = good.header();
            Block wrong = new Block(new BlockHeader(h.chainId(), h.height(), h.prevHash(), h.timestampMs(), h.txRoot(), h.stateRoot(),
                    Sha256.hash("another outcome".getBytes()), h.txCount(), h.proposer(), h.view()), good.transactions());
            assertThat(ledger.validateProposal(wrong).reason()).contains(HeaderLinkCode.RECEIPTS_ROOT_MISMATCH);
            assertThat(ledger.validateProposal(wrong).detail()).contains("receipts root");
            assertThatThrownBy(() -> ledger.commit(wrong, chain.certify(wrong))).isInstanceOfSatisfying(LocalFault.class,
                    f -> assertThat(f.kind()).isEqualTo(LocalFault.Kind.STATE_DIVERGED)).hasMessageContaining("receipts root");
            ledger.commit(good, chain.certify(good));
            assertThat(ledger.receiptsRoot()).as("one transfer's receipts").isNotEqualTo(afterTransfers);
        }
    }

    @Test
    void twoLedgersThatCommitTheSameBlocksAgreeOnTheRootAndItSurvivesAReopen() throws Exception {
        List<Transaction> txs = List.of(chain.transfer(alice, 0, bob, 1), chain.transfer(alice, 5, bob, 1));
        Hash32 first;
        try (Ledger a = Ledger.open(dir.resolve("a"), chain.genesis); Ledger b = Ledger.open(dir.resolve("b"), chain.genesis)) {
            Block block = chain.nextBlock(a, txs);
            a.commit(block, chain.certify(block));
            b.commit(block, chain.certify(block));
            assertThat(a.receiptsRoot()).isEqualTo(b.receiptsRoot());
            first = a.receiptsRoot();
        }
        try (Ledger again = Ledger.open(dir.resolve("a"), chain.genesis)) {
            assertThat(again.receiptsRoot()).isEqualTo(first);
            assertThat(again.head().receiptsRoot()).isEqualTo(first);
        }
    }
}
