package io.mutualchain.vmbench;

import io.mutualchain.core.types.Address;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Host;
import io.mutualchain.vm.TransferStatus;
import io.mutualchain.vm.Value;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A host with in-memory storage and nothing else: measures the VM, not a database. */
final class BenchHost implements Host {
    private static final Address NOBODY = Address.ofBytes(new byte[Address.SIZE]);
    private final Map<ByteBuffer, byte[]> storage = new HashMap<>();

    @Override
    public byte[] storageGet(byte[] key) {
        byte[] v = storage.get(ByteBuffer.wrap(key));
        return v == null ? new byte[0] : v;
    }

    @Override
    public void storagePut(byte[] key, byte[] value) {
        storage.put(ByteBuffer.wrap(key), value);
    }

    @Override
    public Address caller() {
        return NOBODY;
    }

    @Override
    public Address origin() {
        return NOBODY;
    }

    @Override
    public Address self() {
        return NOBODY;
    }

    @Override
    public long balance() {
        return 0;
    }

    @Override
    public long value() {
        return 0;
    }

    @Override
    public long blockHeight() {
        return 1;
    }

    @Override
    public long blockTimeMs() {
        return 0;
    }

    @Override
    public TransferStatus transfer(Address to, long amount) {
        return TransferStatus.INSUFFICIENT_BALANCE;
    }

    @Override
    public void emit(List<byte[]> topics, byte[] data) {
    }

    @Override
    public int memberLevel(Address who) {
        return 0;
    }

    @Override
    public long creditScore(Address who) {
        return 0;
    }

    @Override
    public ExecutionResult call(Address contract, String function, List<Value> args, long gasLimit, long value) {
        return new ExecutionResult.Trap(io.mutualchain.vm.TrapKind.NO_SUCH_CONTRACT, "benchmark host has no contracts", -1, 0);
    }
}
