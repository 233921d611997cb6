package io.mutualchain.vm;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.types.Address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory ledger for tests, built the way the real one must be: each run gets a host whose
 * writes, transfers and events are buffered and merged into its parent only on success, and
 * contract calls go through {@link CallGuard}.
 */
class FakeHost implements Host {

    /** The shared world: committed storage, balances, events, deployed contracts, member data. */
    static final class World {
        final Map<Address, Module> contracts = new HashMap<>();
        final Map<Address, TreeMap<String, byte[]>> storage = new HashMap<>();
        final Map<Address, Long> balances = new HashMap<>();
        final List<String> events = new ArrayList<>();
        final Map<Address, Integer> levels = new HashMap<>();
        final Map<Address, Long> credit = new HashMap<>();
        long height = 7;
        long timeMs = 1_700_000_000_000L;

        long balance(Address a) {
            return balances.getOrDefault(a, 0L);
        }

        byte[] stored(Address contract, String keyUtf8) {
            TreeMap<String, byte[]> s = storage.get(contract);
            byte[] v = s == null ? null : s.get(Hex.encode(keyUtf8.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return v == null ? new byte[0] : v;
        }

        /** Runs a transaction-level call: commits on success, discards everything otherwise. */
        ExecutionResult call(Address origin, Address contract, String fn, List<Value> args, long gas) {
            CallGuard guard = new CallGuard(contract);
            FakeHost host = new FakeHost(this, null, guard, origin, origin, contract, 0);
            ExecutionResult r = Interpreter.call(contracts.get(contract), fn, args, host, gas);
            if (r.isSuccess()) {
                host.commitToWorld();
            }
            return r;
        }
    }

    private final World world;
    private final FakeHost parent;
    private final CallGuard guard;
    private final Address origin;
    private final Address caller;
    private final Address self;
    private final long value;
    private final Map<Address, TreeMap<String, byte[]>> writes = new HashMap<>();
    private final Map<Address, Long> balanceDelta = new HashMap<>();
    private final List<String> events = new ArrayList<>();

    FakeHost(World world, FakeHost parent, CallGuard guard, Address origin, Address caller, Address self, long value) {
        this.world = world;
        this.parent = parent;
        this.guard = guard;
        this.origin = origin;
        this.caller = caller;
        this.self = self;
        this.value = value;
    }

    private byte[] read(Address contract, String key) {
        TreeMap<String, byte[]> w = writes.get(contract);
        if (w != null && w.containsKey(key)) {
            return w.get(key);
        }
        if (parent != null) {
            return parent.read(contract, key);
        }
        TreeMap<String, byte[]> s = world.storage.get(contract);
        byte[] v = s == null ? null : s.get(key);
        return v == null ? new byte[0] : v;
    }

    private long balanceOf(Address a) {
        long delta = balanceDelta.getOrDefault(a, 0L);
        return (parent != null ? parent.balanceOf(a) : world.balance(a)) + delta;
    }

    @Override
    public byte[] storageGet(byte[] key) {
        return read(self, Hex.encode(key)).clone();
    }

    @Override
    public void storagePut(byte[] key, byte[] value) {
        writes.computeIfAbsent(self, k -> new TreeMap<>()).put(Hex.encode(key), value.clone());
    }

    @Override
    public Address caller() {
        return caller;
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
        return world.height;
    }

    @Override
    public long blockTimeMs() {
        return world.timeMs;
    }

    @Override
    public TransferStatus transfer(Address to, long amount) {
        if (balanceOf(self) < amount) {
            return TransferStatus.INSUFFICIENT_BALANCE;
        }
        balanceDelta.merge(self, -amount, Long::sum);
        balanceDelta.merge(to, amount, Long::sum);
        return TransferStatus.OK;
    }

    @Override
    public void emit(List<byte[]> topics, byte[] data) {
        StringBuilder s = new StringBuilder();
        for (byte[] t : topics) {
            s.append(new String(t, java.nio.charset.StandardCharsets.UTF_8)).append('|');
        }
        events.add(s.append(new String(data, java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    @Override
    public int memberLevel(Address who) {
        return world.levels.getOrDefault(who, 0);
    }

    @Override
    public long creditScore(Address who) {
        return world.credit.getOrDefault(who, 0L);
    }

    @Override
    public ExecutionResult call(Address contract, String function, List<Value> args, long gasLimit, long value) {
        Module callee = world.contracts.get(contract);
        if (callee == null) {
            return new ExecutionResult.Trap(TrapKind.NO_SUCH_CONTRACT, "no contract at " + contract, -1, 0);
        }
        var refused = guard.enter(contract);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            FakeHost child = new FakeHost(world, this, guard, origin, self, contract, value);
            if (child.transferIn(self, contract, value) != TransferStatus.OK) {
                return new ExecutionResult.Revert("insufficient balance for call value".getBytes(), 0);
            }
            ExecutionResult r = Interpreter.call(callee, function, args, child, gasLimit);
            if (r.isSuccess()) {
                child.mergeInto(this);
            }
            return r;
        } finally {
            guard.exit();
        }
    }

    private TransferStatus transferIn(Address from, Address to, long amount) {
        if (balanceOf(from) < amount) {
            return TransferStatus.INSUFFICIENT_BALANCE;
        }
        balanceDelta.merge(from, -amount, Long::sum);
        balanceDelta.merge(to, amount, Long::sum);
        return TransferStatus.OK;
    }

    private void mergeInto(FakeHost p) {
        writes.forEach((c, w) -> p.writes.computeIfAbsent(c, k -> new TreeMap<>()).putAll(w));
        balanceDelta.forEach((a, d) -> p.balanceDelta.merge(a, d, Long::sum));
        p.events.addAll(events);
    }

    private void commitToWorld() {
        writes.forEach((c, w) -> w.forEach((k, v) -> {
            TreeMap<String, byte[]> s = world.storage.computeIfAbsent(c, x -> new TreeMap<>());
            if (v.length == 0) {
                s.remove(k);
            } else {
                s.put(k, v);
            }
        }));
        balanceDelta.forEach((a, d) -> world.balances.merge(a, d, Long::sum));
        world.events.addAll(events);
    }
}
