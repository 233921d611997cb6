package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Role;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.core.tx.Join;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.Transfer;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assets through the real ledger on RocksDB: committed events, REJECTED receipts that still pay the
 * fee, history that survives a reopen, a state root equal to a rebuild from every stored entry, asset
 * proofs against the root the next header carries, the supply with the team's share locked, and a
 * rule check at admission that says the same as the receipt would.
 */
class LedgerAssetsOnRocksDbTest {
    @TempDir
    Path dir;

    private final KeyPair validator = TestChain.key(1);
    private final KeyPair dev = TestChain.key(2);
    private final KeyPair member = TestChain.key(3);
    private final Genesis genesis = DefaultGenesis.builder("mc-assets", TestChain.GENESIS_TIME_MS, List.of(new Validator("v", validator.publicKey())))
            .holders(dev.address(), TestChain.key(4).address(), TestChain.key(5).address(), TestChain.key(6).address())
            .committee(1, List.of(dev.publicKey()))
            .grant(dev.address(), Role.GATEWAY)
            .build();

    private Transaction tx(Ledger l, KeyPair k, TxPayload p, long nonceOffset) {
        return Transaction.sign(genesis.chainId(), k, l.account(k.address()).nonce() + nonceOffset, genesis.params().baseFee(), p);
    }

    private List<Receipt> commit(Ledger l, List<Transaction> txs) throws LedgerException {
        BlockHeader h = new BlockHeader(genesis.chainId(), l.height() + 1, l.lastBlockHash(), l.lastBlockTimeMs() + 1000, Block.txRoot(txs),
                l.stateRoot(), l.receiptsRoot(), txs.size(), validator.publicKey(), 0);
        Block b = new Block(h, txs);
        assertThat(l.validateProposal(b).isOk()).isTrue();
        byte[] vote = CommitVote.signingBytes(genesis.chainId(), 0, b.height(), b.hash());
        return l.commit(b, new CommitCertificate(0, b.height(), b.hash(), List.of(new ValidatorSignature(validator.publicKey(), validator.sign(vote)))));
    }

    @Test
    void anAssetLivesInTheLedgerWithItsHistoryAndItsProof() throws Exception {
        Hash32 id;
        try (Ledger l = Ledger.open(dir, genesis)) {
            commit(l, List.of(tx(l, dev, new Transfer(member.address(), 10 * Mtn.UNIT), 0)));
            commit(l, List.of(tx(l, member, new Join(Sha256.hash("profile".getBytes()), Mtn.UNIT), 0)));
            id = AssetEvent.newAssetId(member.address(), l.account(member.address()).nonce());
            Transaction deposit = tx(l, member, AssetEvent.depositRequest(id, "CNY", 700, "ref".getBytes()), 0);
            Transaction confirm = tx(l, dev, AssetEvent.simple(AssetEventCode.E03, id, null), 0);
            // A withdrawal by a Level 1 owner in the same block: refused by a rule, yet the block is valid and the fee is paid.
            Transaction withdraw = tx(l, member, AssetEvent.simple(AssetEventCode.E10, id, null), 1);
            long memberBefore = l.account(member.address()).balance();
            assertThat(l.checkRules(confirm)).as("E03 before the deposit exists").hasValueSatisfying(
                    r -> assertThat(r.message()).contains("UNDEFINED_TRANSITION", "S0", "E03"));
            List<Receipt> receipts = commit(l, List.of(deposit, confirm, withdraw));
            assertThat(receipts).extracting(Receipt::status)
                    .containsExactly(Receipt.Status.SUCCESS, Receipt.Status.SUCCESS, Receipt.Status.REJECTED);
            assertThat(receipts.get(2).error()).contains("MEMBER_LEVEL", "Level 1");
            assertThat(receipts.get(2).feePaid()).isEqualTo(genesis.params().baseFee());
            assertThat(l.account(member.address()).balance()).isEqualTo(memberBefore - 2 * genesis.params().baseFee());
            assertThat(l.account(member.address()).nonce()).isEqualTo(3);

            assertThat(l.asset(id).orElseThrow().state()).isEqualTo(AssetState.S5);
            assertThat(l.stateRoot()).isEqualTo(l.stateRootByScan());
            assertThat(l.totals().sumOfBalances()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(l.sumOfAllBalancesByScan()).isEqualTo(Mtn.TOTAL_SUPPLY);

            EntryProof p = l.proveAsset(id);
            assertThat(p.value()).isPresent();
            assertThat(p.verify(l.stateRoot())).isTrue();
            Asset changed = Asset.decode(p.value().get()).withAmount(701);
            assertThat(p.proof().verify(l.stateRoot(), Optional.of(changed.encode()))).as("a proof for a changed value").isFalse();
            EntryProof absent = l.proveAsset(Sha256.hash("no asset".getBytes()));
            assertThat(absent.value()).isEmpty();
            assertThat(absent.verify(l.stateRoot())).isTrue();

            Hash32 root = l.stateRoot();
            commit(l, List.of());
            assertThat(l.blockByHeight(p.height() + 1).orElseThrow().block().header().stateRoot()).isEqualTo(root);
        }
        try (Ledger l = Ledger.open(dir, genesis)) {
            AssetHistory h = l.assetHistory(id, 0, 10).orElseThrow();
            assertThat(h.records()).extracting(r -> r.input()).containsExactly(AssetEventCode.E01, AssetEventCode.E03);
            assertThat(h.records().get(0).business()).isEqualTo("ref".getBytes());
            assertThat(l.assetHistory(id, 1, 10).orElseThrow().records()).hasSize(1);
        }
    }

    @Test
    void theSupplyReportsTheTeamShareAsLockedUntilItVests() throws Exception {
        try (Ledger l = Ledger.open(dir, genesis)) {
            Supply s = l.supply();
            assertThat(s.total()).isEqualTo(Mtn.TOTAL_SUPPLY);
            assertThat(s.locked()).isEqualTo(DefaultGenesis.TEAM);
            assertThat(s.circulating()).isEqualTo(Mtn.TOTAL_SUPPLY - DefaultGenesis.TEAM);
            assertThat(s.reserve()).isEqualTo(DefaultGenesis.RESERVE);
            assertThat(l.lockedAt(TestChain.key(5).address())).isEqualTo(DefaultGenesis.TEAM);
            assertThat(l.account(dev.address()).has(Role.GATEWAY)).isTrue();
        }
    }
}
