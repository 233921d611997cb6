package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.LocalFault;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.ledger.model.Deal;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.model.Votes;
import io.mutualchain.ledger.state.StateKeys;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Uncommitted changes on top of the committed state (or of another overlay). A block runs on one
 * overlay; each transaction runs on a child of it that is merged on success and dropped when a rule
 * refuses the transaction, so a refused transaction leaves nothing behind but its fee and nonce.
 * Ordered maps only: what is written and hashed never depends on hash-map order.
 *
 * <p>An entry can be deleted (contract storage can): the overlay then holds an empty value for its key,
 * which reads as absent and which the commit turns into a delete of the entry and of its tree leaf.
 * No other entry kind ever encodes to zero bytes, so the empty value is free to mean "gone".
 */
public final class Overlay {
    private final Overlay parent;
    private final CommittedState committed;
    private final NavigableMap<Address, Account> accounts = new TreeMap<>();
    private final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);

    private Overlay(Overlay parent, CommittedState committed) {
        this.parent = parent;
        this.committed = committed;
    }

    public static Overlay over(CommittedState committed) {
        return new Overlay(null, committed);
    }

    public Overlay child() {
        return new Overlay(this, committed);
    }

    /** Moves this child's changes into its parent. */
    public void mergeIntoParent() {
        parent.accounts.putAll(accounts);
        parent.entries.putAll(entries);
    }

    public Account account(Address a) {
        Account v = accounts.get(a);
        if (v != null) {
            return v;
        }
        return parent != null ? parent.account(a) : committed.account(a);
    }

    public void put(Address a, Account v) {
        accounts.put(a, v);
    }

    byte[] entry(byte[] key) {
        byte[] v = entries.get(key);
        if (v != null) {
            return v.length == 0 ? null : v;
        }
        return parent != null ? parent.entry(key) : committed.entry(key);
    }

    public Optional<ContractInfo> contract(Address a) {
        byte[] v = entry(StateKeys.contractKey(a));
        return v == null ? Optional.empty() : Optional.of(ContractInfo.decode(v));
    }

    public void put(Address contract, ContractInfo info) {
        entries.put(StateKeys.contractKey(contract), info.encode());
    }

    /** A module's bytes by code hash, or null. */
    public byte[] code(Hash32 codeHash) {
        return entry(StateKeys.codeKey(codeHash));
    }

    public void putCode(Hash32 codeHash, byte[] module) {
        entries.put(StateKeys.codeKey(codeHash), module.clone());
    }

    /** A contract's storage value, or an empty array when the key holds nothing. */
    public byte[] storage(Address contract, byte[] key) {
        byte[] v = entry(StateKeys.storageKey(contract, key));
        return v == null ? new byte[0] : v.clone();
    }

    /** Stores a value; an empty value deletes the entry. */
    public void putStorage(Address contract, byte[] key, byte[] value) {
        entries.put(StateKeys.storageKey(contract, key), value.clone());
    }

    public Optional<Asset> asset(Hash32 id) {
        byte[] v = entry(StateKeys.assetKey(id));
        return v == null ? Optional.empty() : Optional.of(Asset.decode(v));
    }

    public void put(Asset a) {
        entries.put(StateKeys.assetKey(a.id()), a.encode());
    }

    /** Appends {@code r} to the asset's history and returns the asset with its record count stepped; the caller stores it. */
    public Asset append(Asset a, AssetRecord r) {
        entries.put(StateKeys.recordKey(a.id(), a.records()), r.encode());
        return a.withRecords(a.records() + 1);
    }

    public Optional<AssetRecord> record(Hash32 assetId, long index) {
        byte[] v = entry(StateKeys.recordKey(assetId, index));
        return v == null ? Optional.empty() : Optional.of(AssetRecord.decode(v));
    }

    public Optional<Deal> deal(Hash32 assetId, long index) {
        byte[] v = entry(StateKeys.dealKey(assetId, index));
        return v == null ? Optional.empty() : Optional.of(Deal.decode(v));
    }

    public void put(Hash32 assetId, long index, Deal d) {
        entries.put(StateKeys.dealKey(assetId, index), d.encode());
    }

    public Votes votes(Hash32 proposalId) {
        byte[] v = entry(StateKeys.votesKey(proposalId));
        return v == null ? Votes.NONE : Votes.decode(v);
    }

    public void put(Hash32 proposalId, Votes v) {
        entries.put(StateKeys.votesKey(proposalId), v.encode());
    }

    /** The validator schedule; every ledger has one from genesis on. */
    public ValidatorSchedule validatorSchedule() {
        byte[] v = entry(StateKeys.validatorsKey());
        if (v == null) {
            throw new LocalFault(LocalFault.Kind.STATE_MISSING,
                    "the state holds no validator schedule; genesis writes one");
        }
        return ValidatorSchedule.decode(v);
    }

    public void put(ValidatorSchedule schedule) {
        entries.put(StateKeys.validatorsKey(), schedule.encode());
    }

    NavigableMap<Address, Account> accountChanges() {
        return accounts;
    }

    NavigableMap<byte[], byte[]> entryChanges() {
        return entries;
    }

    /** Adds {@code delta} (may be negative) to an account's balance. */
    public void credit(Address a, long delta) {
        Account acc = account(a);
        put(a, acc.withBalance(Math.addExact(acc.balance(), delta)));
    }

    static Map.Entry<byte[], byte[]> entryOf(byte[] k, byte[] v) {
        return Map.entry(k, v);
    }
}
