package io.mutualchain.vm.templates;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.types.Address;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Host;
import io.mutualchain.vm.Interpreter;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.TransferStatus;
import io.mutualchain.vm.TrapKind;
import io.mutualchain.vm.Value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory ledger with MTN balances for template scenarios. A call is a transaction: the
 * caller's {@code value} moves into the contract, the run's storage writes, transfers and events
 * are buffered, and all of it (the value included) is kept only if the run succeeds — the rule
 * {@link Host} states for the real ledger. No fees: the sum of all balances must never change,
 * which is what the scenarios check.
 */
final class TestLedger {
    /** Far above what any template function needs; the gas log shows real use. */
    static final long GAS_LIMIT = 5_000_000;

    /** An event as an indexer sees it: name (topic 1), subject (topic 2, or null) and data. */
    record Event(Address contract, String name, Address subject, byte[] data) {
        long intAt(int index) {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (data[index * 8 + k] & 0xff);
            }
            return v;
        }

        @Override
        public String toString() {
            return name + "(" + subject + ", 0x" + Hex.encode(data) + ")";
        }
    }

    private final Map<Address, Long> balances = new TreeMap<>();
    private final Map<Address, TreeMap<String, byte[]>> storage = new HashMap<>();
    private final Map<Address, Module> contracts = new HashMap<>();
    private final Map<Address, String> names = new HashMap<>();
    private final Map<Address, Integer> levels = new HashMap<>();
    private final Map<Address, Long> credit = new HashMap<>();
    private final Set<Address> refusing = new HashSet<>();
    private final List<Event> events = new ArrayList<>();
    private final GasLog gas;
    private long height = 1_000;
    private int deployed;

    TestLedger(GasLog gas) {
        this.gas = gas;
    }

    static Address account(int n) {
        byte[] a = new byte[Address.SIZE];
        Arrays.fill(a, (byte) n);
        return Address.ofBytes(a);
    }

    /** Adds an account holding {@code balance} base units, a community member of {@code level} with a credit score. */
    Address member(int n, long balance, int level, long creditScore) {
        Address a = account(n);
        balances.put(a, balance);
        levels.put(a, level);
        credit.put(a, creditScore);
        return a;
    }

    Address deploy(String template) {
        byte[] a = new byte[Address.SIZE];
        a[0] = (byte) 0xC0;
        a[Address.SIZE - 1] = (byte) ++deployed;
        Address at = Address.ofBytes(a);
        contracts.put(at, Templates.load(template));
        names.put(at, template);
        balances.put(at, 0L);
        return at;
    }

    /** Runs {@code fn} as a transaction from {@code from}, sending {@code value} base units with it. */
    ExecutionResult call(Address from, Address contract, String fn, long value, Value... args) {
        if (value < 0 || balance(from) < value) {
            throw new IllegalArgumentException(from + " cannot send " + value + " (balance " + balance(from) + ")");
        }
        Run run = new Run(from, contract, value);
        run.move(from, contract, value);
        ExecutionResult r = Interpreter.call(contracts.get(contract), fn, List.of(args), run, GAS_LIMIT);
        if (r.isSuccess()) {
            run.commit();
            gas.record(names.get(contract), fn, r.gasUsed());
        }
        return r;
    }

    long balance(Address a) {
        return balances.getOrDefault(a, 0L);
    }

    long totalBalance() {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }

    long height() {
        return height;
    }

    void advance(long blocks) {
        height += blocks;
    }

    void setCredit(Address a, long score) {
        credit.put(a, score);
    }

    /** From now on the ledger refuses transfers to {@code a} (as it would for an account that may not receive). */
    void refuse(Address a, boolean refused) {
        if (refused) {
            refusing.add(a);
        } else {
            refusing.remove(a);
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** One transaction's journal on top of the committed state. */
    private final class Run implements Host {
        private final Address origin;
        private final Address self;
        private final long value;
        private final TreeMap<String, byte[]> writes = new TreeMap<>();
        private final Map<Address, Long> delta = new HashMap<>();
        private final List<Event> emitted = new ArrayList<>();

        Run(Address origin, Address self, long value) {
            this.origin = origin;
            this.self = self;
            this.value = value;
        }

        private long balanceOf(Address a) {
            return TestLedger.this.balance(a) + delta.getOrDefault(a, 0L);
        }

        void move(Address from, Address to, long amount) {
            delta.merge(from, -amount, Long::sum);
            delta.merge(to, amount, Long::sum);
        }

        void commit() {
            TreeMap<String, byte[]> s = storage.computeIfAbsent(self, k -> new TreeMap<>());
            writes.forEach((k, v) -> {
                if (v.length == 0) {
                    s.remove(k);
                } else {
                    s.put(k, v);
                }
            });
            delta.forEach((a, d) -> balances.merge(a, d, Long::sum));
            events.addAll(emitted);
        }

        @Override
        public byte[] storageGet(byte[] key) {
            String k = Hex.encode(key);
            if (writes.containsKey(k)) {
                return writes.get(k).clone();
            }
            byte[] v = storage.getOrDefault(self, new TreeMap<>()).get(k);
            return v == null ? new byte[0] : v.clone();
        }

        @Override
        public void storagePut(byte[] key, byte[] v) {
            writes.put(Hex.encode(key), v.clone());
        }

        @Override
        public Address caller() {
            return origin;
        }

        @Override
        public Address origin() {
            return origin;
        }

        @Override
        public Address self() {
            return self;
        }

        @Override
        public long balance() {
            return balanceOf(self);
        }

        @Override
        public long value() {
            return value;
        }

        @Override
        public long blockHeight() {
            return height;
        }

        @Override
        public long blockTimeMs() {
            return 1_700_000_000_000L + height * 1_000;
        }

        @Override
        public TransferStatus transfer(Address to, long amount) {
            if (refusing.contains(to)) {
                return TransferStatus.RECIPIENT_REFUSED;
            }
            if (balanceOf(self) < amount) {
                return TransferStatus.INSUFFICIENT_BALANCE;
            }
            move(self, to, amount);
            return TransferStatus.OK;
        }

        @Override
        public void emit(List<byte[]> topics, byte[] data) {
            String name = new String(topics.get(0), StandardCharsets.UTF_8);
            Address subject = topics.size() > 1 && topics.get(1).length == Address.SIZE ? Address.ofBytes(topics.get(1)) : null;
            emitted.add(new Event(self, name, subject, data.clone()));
        }

        @Override
        public int memberLevel(Address who) {
            return levels.getOrDefault(who, 0);
        }

        @Override
        public long creditScore(Address who) {
            return credit.getOrDefault(who, 0L);
        }

        @Override
        public ExecutionResult call(Address contract, String function, List<Value> args, long gasLimit, long v) {
            // The templates never call other contracts; a call is refused the way a ledger refuses an unknown one.
            return new ExecutionResult.Trap(TrapKind.NO_SUCH_CONTRACT, "no contract calls in template tests", -1, 0);
        }
    }
}
