package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.ledger.state.StateKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Committed state in memory, and one-transaction blocks executed on it: the executor without a database. */
final class MemoryWorld implements CommittedState {
    final NavigableMap<Address, Account> accounts = new TreeMap<>();
    final NavigableMap<byte[], byte[]> entries = new TreeMap<>(Arrays::compareUnsigned);
    final Genesis genesis;
    final Address proposer;
    long height;
    long timeMs;

    MemoryWorld(Genesis genesis) {
        this.genesis = genesis;
        this.proposer = genesis.validators().get(0).address();
        this.timeMs = genesis.genesisTimeMs();
        genesis.allocations().forEach(a -> accounts.put(a.address(), new Account(a.amount(), 0)));
        genesis.setup().roles().forEach(g -> {
            Account acc = account(g.address());
            accounts.put(g.address(), acc.withRoles(acc.roles() | g.role().bit()));
        });
        entries.put(StateKeys.validatorsKey(), ValidatorSchedule.genesis(genesis.validatorSet()).encode());
    }

    ValidatorSchedule schedule() {
        return ValidatorSchedule.decode(entries.get(StateKeys.validatorsKey()));
    }

    /** The set in force for the next block, as the ledger's epochAt(height + 1) gives it. */
    ValidatorSet nextValidators() {
        ValidatorSchedule s = schedule();
        return s.promotesAt(height + 1) ? s.pending().get().validators() : s.current().validators();
    }

    @Override
    public Account account(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY);
    }

    @Override
    public byte[] entry(byte[] stateKey) {
        return entries.get(stateKey);
    }

    Optional<Asset> asset(Hash32 id) {
        byte[] v = entries.get(StateKeys.assetKey(id));
        return v == null ? Optional.empty() : Optional.of(Asset.decode(v));
    }

    Transaction sign(KeyPair key, TxPayload payload) {
        return Transaction.sign(genesis.chainId(), key, account(key.address()).nonce(), genesis.params().baseFee(), payload);
    }

    /** Executes {@code txs} as the next block (one second later) and commits the result here. */
    List<BlockExecutor.TxOutcome> run(List<Transaction> txs) {
        ValidatorSet validators = nextValidators();
        height++;
        timeMs += 1000;
        BlockExecutor.Result r = BlockExecutor.execute(this, txs,
                new BlockExecutor.BlockContext(height, timeMs, proposer, genesis, validators), tx -> Optional.empty());
        for (Map.Entry<Address, Account> e : r.changed().entrySet()) {
            if (e.getValue().isEmpty()) {
                accounts.remove(e.getKey());
            } else {
                accounts.put(e.getKey(), e.getValue());
            }
        }
        for (Map.Entry<byte[], byte[]> e : r.entries().entrySet()) {
            if (e.getValue().length == 0) {
                entries.remove(e.getKey());
            } else {
                entries.put(e.getKey(), e.getValue());
            }
        }
        return r.outcomes();
    }

    BlockExecutor.TxOutcome run(KeyPair key, TxPayload payload) {
        return run(List.of(sign(key, payload))).get(0);
    }

    long sumOfBalances() {
        long s = 0;
        for (Account a : accounts.values()) {
            s = Math.addExact(s, a.balance());
        }
        return s;
    }
}
