package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.block.BodyCode;
import io.mutualchain.core.block.CertificateCode;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Signature;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.ReasonCode;
import io.mutualchain.core.validation.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a validator checks before voting: each refusal has a typed code, asserted here, and a detail naming the values. */
class ProposalValidationTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();
    Ledger ledger;
    KeyPair alice;
    Address bob;

    @BeforeEach
    void open() throws Exception {
        ledger = Ledger.open(dir, chain.genesis);
        alice = chain.users.get(0);
        bob = chain.users.get(1).address();
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private Block withHeader(List<Transaction> txs, UnaryOperator<BlockHeader> change) {
        Block good = chain.nextBlock(ledger, txs);
        return new Block(change.apply(good.header()), txs);
    }

    private static BlockHeader copy(BlockHeader h, long height, Hash32 prev, long time, Hash32 txRoot, Hash32 stateRoot) {
        return new BlockHeader(h.chainId(), height, prev, time, txRoot, stateRoot, h.receiptsRoot(), h.txCount(), h.proposer(), h.view());
    }

    private static void assertRefused(Validation v, ReasonCode code, String detailPart) {
        assertThat(v.reason()).contains(code);
        assertThat(v.detail()).contains(detailPart);
    }

    @Test
    void aCorrectBlockPassesAndThenCommits() throws Exception {
        Block b = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob, 1), chain.transfer(alice, 1, bob, 2)));
        assertThat(ledger.validateProposal(b)).isEqualTo(Validation.valid());
        assertThat(ledger.commit(b, chain.certify(b))).allMatch(Receipt::succeeded);
    }

    @Test
    void aBlockOnTheWrongParentIsRefused() {
        Block b = withHeader(List.of(), h -> copy(h, h.height(), Hash32.ZERO, h.timestampMs(), h.txRoot(), h.stateRoot()));
        assertRefused(ledger.validateProposal(b), HeaderLinkCode.WRONG_PARENT, "names parent");
    }

    @Test
    void aBlockAtTheWrongHeightIsRefused() {
        Block b = withHeader(List.of(), h -> copy(h, 2, h.prevHash(), h.timestampMs(), h.txRoot(), h.stateRoot()));
        assertRefused(ledger.validateProposal(b), HeaderLinkCode.NOT_NEXT_HEIGHT, "does not follow the committed height 0");
    }

    @Test
    void aBlockWithAWrongStateRootIsRefused() {
        Block b = withHeader(List.of(), h -> copy(h, h.height(), h.prevHash(), h.timestampMs(), h.txRoot(), Hash32.ZERO));
        assertRefused(ledger.validateProposal(b), HeaderLinkCode.STATE_ROOT_MISMATCH, "state root");
    }

    @Test
    void aBlockWhoseTransactionsDoNotMatchItsTxRootIsRefused() {
        List<Transaction> txs = List.of(chain.transfer(alice, 0, bob, 1));
        Block b = withHeader(txs, h -> copy(h, h.height(), h.prevHash(), h.timestampMs(), Hash32.ZERO, h.stateRoot()));
        assertRefused(ledger.validateProposal(b), BodyCode.TX_ROOT_MISMATCH, "transaction root");
    }

    @Test
    void aBlockNotAfterItsParentInTimeIsRefused() {
        Block b = withHeader(List.of(), h -> copy(h, h.height(), h.prevHash(), TestChain.GENESIS_TIME_MS, h.txRoot(), h.stateRoot()));
        assertRefused(ledger.validateProposal(b), HeaderLinkCode.TIME_NOT_AFTER_PARENT, "is not after its parent");
    }

    @Test
    void aBlockForAnotherChainIsRefused() {
        Block good = chain.nextBlock(ledger, List.of());
        BlockHeader h = good.header();
        Block b = new Block(new BlockHeader("mc-other", h.height(), h.prevHash(), h.timestampMs(), h.txRoot(), h.stateRoot(), h.receiptsRoot(), 0,
                h.proposer(), 0), List.of());
        assertRefused(ledger.validateProposal(b), HeaderLinkCode.WRONG_CHAIN, "chain 'mc-other'");
    }

    @Test
    void aBlockFromANonValidatorIsRefused() {
        Block b = withHeader(List.of(), h -> new BlockHeader(h.chainId(), h.height(), h.prevHash(), h.timestampMs(), h.txRoot(),
                h.stateRoot(), h.receiptsRoot(), 0, alice.publicKey(), 0));
        assertRefused(ledger.validateProposal(b), ProposalCode.PROPOSER_NOT_VALIDATOR, "is not a validator");
    }

    @Test
    void aBlockWithATransactionForAnotherChainIsRefusedNamingTheTransaction() {
        Transaction foreign = Transaction.sign("mc-other", alice, 0, TestChain.BASE_FEE, new Transfer(bob, 1));
        Block b = chain.nextBlock(ledger, List.of(foreign));
        assertRefused(ledger.validateProposal(b), ProposalCode.TX_WOULD_FAIL, "transaction 0 (" + foreign.id() + ")");
        assertThat(ledger.validateProposal(b).detail()).contains("WRONG_CHAIN");
    }

    @Test
    void aBlockWithABadSignatureIsRefusedNamingTheTransaction() {
        Transaction good = chain.transfer(alice, 1, bob, 1);
        byte[] sig = good.signature().toBytes();
        sig[5] ^= 1;
        Transaction forged = Transaction.of(good.chainId(), good.sender(), good.nonce(), good.maxFee(), good.payload(), Signature.of(sig));
        Block b = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob, 1), forged));
        assertRefused(ledger.validateProposal(b), ProposalCode.TX_WOULD_FAIL, "transaction 1 (" + forged.id() + ")");
        assertThat(ledger.validateProposal(b).detail()).contains("BAD_SIGNATURE");
    }

    @Test
    void aBlockWhoseSecondTransactionOverspendsAfterTheFirstIsRefused() {
        long funds = TestChain.USER_FUNDS;
        Block b = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob, funds / 2), chain.transfer(alice, 1, bob, funds / 2)));
        assertRefused(ledger.validateProposal(b), ProposalCode.TX_WOULD_FAIL, "transaction 1");
        assertThat(ledger.validateProposal(b).detail()).contains("INSUFFICIENT_BALANCE");
    }

    @Test
    void aBlockWithNonceGapsOrRepeatsIsRefused() {
        Block gap = chain.nextBlock(ledger, List.of(chain.transfer(alice, 1, bob, 1)));
        assertRefused(ledger.validateProposal(gap), ProposalCode.TX_WOULD_FAIL, "NONCE_TOO_HIGH");
        Transaction t = chain.transfer(alice, 0, bob, 1);
        Block twice = chain.nextBlock(ledger, List.of(t, t));
        assertRefused(ledger.validateProposal(twice), ProposalCode.TX_WOULD_FAIL, "transaction 1");
        assertThat(ledger.validateProposal(twice).detail()).contains("NONCE_TOO_LOW");
    }

    @Test
    void aBlockWithMoreTransactionsThanTheChainAllowsIsRefused() {
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i <= chain.genesis.params().maxBlockTxs(); i++) {
            txs.add(chain.transfer(alice, i, bob, 1));
        }
        assertRefused(ledger.validateProposal(chain.nextBlock(ledger, txs)), BlockLimitCode.TOO_MANY_TXS, "the limit is");
    }

    @Test
    void aQuorumCertifiedBlockThatDoesNotExtendTheTipIsThisNodesFaultNotTheSendersAndWritesNothing() throws Exception {
        Block b = withHeader(List.of(), h -> copy(h, h.height(), Hash32.ZERO, h.timestampMs(), h.txRoot(), h.stateRoot()));
        assertThatThrownBy(() -> ledger.commit(b, chain.certify(b))).isInstanceOf(LocalFault.class).hasMessageContaining("names parent")
                .satisfies(e -> assertThat(((LocalFault) e).kind()).isEqualTo(LocalFault.Kind.STATE_DIVERGED));
        assertThat(ledger.height()).isZero();
        assertThat(ledger.blockByHash(b.hash())).isEmpty();
    }

    @Test
    void commitRefusesACertificateWithoutAQuorumOrForAnotherBlock() throws Exception {
        Block b = chain.nextBlock(ledger, List.of());
        var full = chain.certify(b);
        var short1 = new io.mutualchain.core.block.CommitCertificate(full.view(), full.height(), full.blockHash(), full.signatures().subList(0, 2));
        assertThatThrownBy(() -> ledger.commit(b, short1)).isInstanceOfSatisfying(BlockRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(CertificateCode.BELOW_QUORUM)).hasMessageContaining("quorum");
        Block other = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob, 1)));
        assertThatThrownBy(() -> ledger.commit(other, full)).isInstanceOfSatisfying(BlockRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(CertificateCode.BLOCK_MISMATCH)).hasMessageContaining("certificate is for block");
        assertThat(ledger.height()).isZero();
    }

    @Test
    void commitRefusesABlockThatIsNotTheNextHeightWithItsCode() throws Exception {
        Block b = withHeader(List.of(), h -> copy(h, 2, h.prevHash(), h.timestampMs(), h.txRoot(), h.stateRoot()));
        assertThatThrownBy(() -> ledger.commit(b, chain.certify(b))).isInstanceOfSatisfying(BlockRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(HeaderLinkCode.NOT_NEXT_HEIGHT)).hasMessageContaining("NOT_NEXT_HEIGHT: block height 2");
        assertThat(ledger.height()).isZero();
    }

    @Test
    void commitRefusesACertifiedHeaderWhoseBodyDoesNotMatchItWithTheBodyCode() throws Exception {
        Block good = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob, 1)));
        Block swapped = new Block(good.header(), List.of(chain.transfer(alice, 0, bob, 2)));
        assertThatThrownBy(() -> ledger.commit(swapped, chain.certify(good))).isInstanceOfSatisfying(BlockRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(BodyCode.TX_ROOT_MISMATCH));
        assertThat(ledger.height()).isZero();
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a proposal that breaks that rule")
    @EnumSource(ProposalCode.class)
    void everyProposalCodeIsProducedByAProposalThatBreaksThatRule(ProposalCode code) {
        Block b = switch (code) {
            case PROPOSER_NOT_VALIDATOR -> withHeader(List.of(), h -> new BlockHeader(h.chainId(), h.height(), h.prevHash(), h.timestampMs(),
                    h.txRoot(), h.stateRoot(), h.receiptsRoot(), 0, alice.publicKey(), 0));
            case TX_WOULD_FAIL -> chain.nextBlock(ledger, List.of(chain.transfer(alice, 1, bob, 1)));
        };
        assertThat(ledger.validateProposal(b).reason()).contains(code);
        assertThat(code.area()).isEqualTo("proposal");
    }
}
