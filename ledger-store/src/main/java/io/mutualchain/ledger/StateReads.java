package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.VestingSchedule;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.ledger.state.SmtHashing;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.DbReader;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the committed world state: accounts, contracts (and read-only calls), assets with their
 * history, the MTN supply, proofs against the state root, and the slow full scans audits use. Reads
 * that combine several records take them from one snapshot; those that need the tip are given it.
 */
final class StateReads {
    private final RocksLedgerDb db;
    private final Genesis genesis;

    StateReads(RocksLedgerDb db, Genesis genesis) {
        this.db = db;
        this.genesis = genesis;
    }

    Account account(Address a) {
        return readAccount(db::get, a);
    }

    /** The account at {@code a} through {@code reader} (the store or a snapshot); {@link Account#EMPTY} when none is stored. */
    static Account readAccount(DbReader reader, Address a) {
        byte[] v = reader.get(Cf.ACCOUNTS, a.toBytes());
        return v == null ? Account.EMPTY : Account.decode(v);
    }

    /** See {@link Ledger#contract(Address)}. */
    Optional<DeployedContract> contract(Address a) {
        return db.withSnapshot(r -> {
            byte[] v = r.get(Cf.STATE, StateKeys.contractKey(a));
            if (v == null) {
                return Optional.empty();
            }
            ContractInfo info = ContractInfo.decode(v);
            return Optional.of(new DeployedContract(a, info, r.get(Cf.STATE, StateKeys.codeKey(info.codeHash()))));
        });
    }

    /** See {@link Ledger#call(Address, Address, String, byte[], long, long)}; {@code head} is the tip it runs on top of. */
    ContractReceipt call(Head head, Address from, Address contract, String function, byte[] args, long value, long gasLimit) {
        return db.withSnapshot(r -> ContractRules.readOnly(new DbState(r), from, contract, function, args, value, gasLimit,
                head.height() + 1, head.timeMs()));
    }

    Optional<Asset> asset(Hash32 id) {
        byte[] v = db.get(Cf.STATE, StateKeys.assetKey(id));
        return v == null ? Optional.empty() : Optional.of(Asset.decode(v));
    }

    /** See {@link Ledger#assetHistory(Hash32, long, int)}. */
    Optional<AssetHistory> assetHistory(Hash32 id, long from, int limit) {
        return db.withSnapshot(r -> {
            byte[] v = r.get(Cf.STATE, StateKeys.assetKey(id));
            if (v == null) {
                return Optional.empty();
            }
            Asset a = Asset.decode(v);
            List<AssetRecord> records = new ArrayList<>();
            for (long i = Math.max(0, from); i < a.records() && records.size() < limit; i++) {
                records.add(AssetRecord.decode(r.get(Cf.STATE, StateKeys.recordKey(id, i))));
            }
            return Optional.of(new AssetHistory(a, from, records));
        });
    }

    /** MTN of {@code a} locked by vesting at the block time {@code timeMs}. */
    long lockedAt(Address a, long timeMs) {
        VestingSchedule v = genesis.setup().vestingOf(a);
        return v == null ? 0 : Math.min(v.lockedAt(timeMs), account(a).balance());
    }

    /** See {@link Ledger#supply()}. */
    Supply supply(LedgerTip t) {
        long locked = 0;
        for (VestingSchedule v : genesis.setup().vesting()) {
            locked += Math.min(v.lockedAt(t.head().timeMs()), account(v.address()).balance());
        }
        long reserve = genesis.setup().committee().exists() ? account(genesis.setup().committee().address()).balance() : 0;
        return new Supply(t.head().height(), t.totals().sumOfBalances(), locked, t.totals().sumOfBalances() - locked, reserve,
                t.totals().feesPaid());
    }

    long sumOfAllBalancesByScan() {
        long[] sum = {0};
        db.scan(Cf.ACCOUNTS, (k, v) -> sum[0] = Math.addExact(sum[0], Account.decode(v).balance()));
        return sum[0];
    }

    Hash32 stateRootByScan() {
        var changes = SparseMerkleTree.newChangeMap();
        db.scan(Cf.ACCOUNTS, (k, v) -> {
            Address a = Address.ofBytes(k);
            changes.put(StateKeys.accountTreeKey(a).toBytes(), SmtHashing.valueHash(v));
        });
        db.scan(Cf.STATE, (k, v) -> changes.put(StateKeys.treeKey(k).toBytes(), SmtHashing.valueHash(v)));
        return Hash32.of(SparseMerkleTree.update((d, p) -> null, changes).root());
    }

    /** See {@link Ledger#proveAccount(Address)}. */
    AccountProof proveAccount(Address a) {
        return db.withSnapshot(r -> {
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            Account account = readAccount(r, a);
            Hash32 key = StateKeys.accountTreeKey(a);
            return new AccountProof(a, account, head.height(), head.stateRoot(), SparseMerkleTree.prove(TreeNodes.reading(r), key.toBytes()));
        });
    }

    /** See {@link Ledger#proveEntry(byte[])}. */
    EntryProof proveEntry(byte[] stateKey) {
        return db.withSnapshot(r -> {
            Head head = Head.decode(r.get(Cf.META, Keys.META_HEAD));
            byte[] value = r.get(Cf.STATE, stateKey);
            Hash32 key = StateKeys.treeKey(stateKey);
            return new EntryProof(stateKey, Optional.ofNullable(value), head.height(), head.stateRoot(),
                    SparseMerkleTree.prove(TreeNodes.reading(r), key.toBytes()));
        });
    }
}
