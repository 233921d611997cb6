package io.mutualchain.ledger;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Allocation;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.RoleGrant;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.state.SparseMerkleTree;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.store.Cf;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.ledger.store.Keys;
import io.mutualchain.ledger.store.RocksLedgerDb;
import io.mutualchain.ledger.store.TreeNodes;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Writes the genesis state into an empty database in one synced batch: the allocations and role grants as accounts,
 * the validator schedule (genesis validators from height 1) with the first entry of the epoch history,
 * their state tree, the genesis hash, and a head at height 0. Either all of it is there or none, so a
 * crash during first start just means genesis is applied again at the next start.
 */
final class GenesisWriter {
    private GenesisWriter() {
    }

    static void apply(RocksLedgerDb db, Genesis genesis) throws LedgerException {
        NavigableMap<Address, Account> accounts = new TreeMap<>();
        long sum = 0;
        for (Allocation a : genesis.allocations()) {
            accounts.put(a.address(), new Account(a.amount(), 0));
            sum += a.amount();
        }
        for (RoleGrant g : genesis.setup().roles()) {
            Account acc = accounts.getOrDefault(g.address(), Account.EMPTY);
            accounts.put(g.address(), acc.withRoles(acc.roles() | g.role().bit()));
        }
        if (sum != Mtn.TOTAL_SUPPLY) {
            throw new IllegalStateException("genesis allocations add up to " + sum + ", not the total supply");
        }
        ValidatorSchedule schedule = ValidatorSchedule.genesis(genesis.validatorSet());
        NavigableMap<byte[], byte[]> entries = new TreeMap<>(java.util.Arrays::compareUnsigned);
        entries.put(StateKeys.validatorsKey(), schedule.encode());
        SparseMerkleTree.Update tree = StateTreeChanges.apply(TreeNodes.reading(db::get), accounts, entries);
        Head head = new Head(0, genesis.hash(), genesis.genesisTimeMs(), Hash32.of(tree.root()), ReceiptsRoot.NONE);
        long nonEmpty = accounts.values().stream().filter(a -> !a.isEmpty()).count();
        MtnTotals totals = new MtnTotals(sum, nonEmpty, 0);
        db.writeSynced(batch -> {
            batch.put(Cf.META, Keys.META_SCHEMA, Ledger.schemaBytes());
            for (var e : accounts.entrySet()) {
                batch.put(Cf.ACCOUNTS, e.getKey().toBytes(), e.getValue().encode());
            }
            for (var e : entries.entrySet()) {
                batch.put(Cf.STATE, e.getKey(), e.getValue());
            }
            batch.put(Cf.META, Keys.epoch(0), schedule.current().encode());
            TreeNodes.write(batch, tree.writes());
            batch.put(Cf.META, Keys.META_HEAD, head.encode());
            batch.put(Cf.META, Keys.META_TOTALS, totals.encode());
            batch.put(Cf.META, Keys.META_GENESIS_HASH, genesis.hash().toBytes());
        });
    }
}
