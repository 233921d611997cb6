package io.mutualchain.ledger.exec;

import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.ContractReceipt;
import io.mutualchain.ledger.LocalFault;
import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.vm.CallGuard;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Host;
import io.mutualchain.vm.HostTrap;
import io.mutualchain.vm.Interpreter;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.TransferStatus;
import io.mutualchain.vm.TrapKind;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.VmLoadException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's side of the VM's {@link Host}: one instance per running contract frame, over its own
 * {@link Overlay}. Storage writes and MTN moves go into that overlay and events into this frame's
 * list; a nested call runs on a child overlay that is merged (with its events) only when the callee
 * succeeds, and the transaction's outermost frame is merged by the executor only on success. So a
 * failure at any depth leaves nothing behind but the gas it used.
 *
 * <p>Reads see the frame's own uncommitted writes, then its callers', then the committed state.
 * Nothing here reads a clock or iterates a hash map: the same block gives the same answers on every node.
 */
final class ContractHost implements Host {
    /** The function run once by the deploy transaction; calls (transactions, xcall, mc_call) may not name it. */
    static final String CONSTRUCTOR = "init";

    /** What all frames of one transaction share. */
    static final class Run {
        final CallGuard guard;
        final Address origin;
        final long height;
        final long timeMs;
        int events;
        int eventBytes;

        Run(Address outermost, Address origin, long height, long timeMs) {
            this.guard = new CallGuard(outermost);
            this.origin = origin;
            this.height = height;
            this.timeMs = timeMs;
        }
    }

    private final Run run;
    private final Overlay state;
    private final Address caller;
    private final Address self;
    private final long value;
    private final List<ContractReceipt.Event> events = new ArrayList<>();

    ContractHost(Run run, Overlay state, Address caller, Address self, long value) {
        this.run = run;
        this.state = state;
        this.caller = caller;
        this.self = self;
        this.value = value;
    }

    /** The events of this frame and of its nested calls that succeeded, in the order they were emitted. */
    List<ContractReceipt.Event> events() {
        return List.copyOf(events);
    }

    @Override
    public byte[] storageGet(byte[] key) {
        return state.storage(self, key);
    }

    @Override
    public void storagePut(byte[] key, byte[] value) {
        state.putStorage(self, key, value);
    }

    @Override
    public Address caller() {
        return caller;
    }

    @Override
    public Address origin() {
        return run.origin;
    }

    @Override
    public Address self() {
        return self;
    }

    @Override
    public long balance() {
        return state.account(self).balance();
    }

    @Override
    public long value() {
        return value;
    }

    @Override
    public long blockHeight() {
        return run.height;
    }

    @Override
    public long blockTimeMs() {
        return run.timeMs;
    }

    @Override
    public TransferStatus transfer(Address to, long amount) {
        if (amount > balance()) {
            return TransferStatus.INSUFFICIENT_BALANCE;
        }
        state.credit(self, -amount);
        state.credit(to, amount);
        return TransferStatus.OK;
    }

    /**
     * Counts every event the transaction emits, kept or not, against {@link ContractReceipt#EVENTS_MAX} and
     * {@link ContractReceipt#EVENT_BYTES_MAX}; past either bound the run traps (HOST_ERROR, a deterministic
     * {@link HostTrap}), so a receipt stays bounded whatever the gas limit.
     */
    @Override
    public void emit(List<byte[]> topics, byte[] data) {
        ContractReceipt.Event e = new ContractReceipt.Event(self, topics, data);
        if (run.events + 1 > ContractReceipt.EVENTS_MAX || e.byteSize() > ContractReceipt.EVENT_BYTES_MAX - run.eventBytes) {
            throw new HostTrap(TrapKind.HOST_ERROR, "a transaction may emit at most " + ContractReceipt.EVENTS_MAX + " events of "
                    + ContractReceipt.EVENT_BYTES_MAX + " bytes in all");
        }
        run.events++;
        run.eventBytes += e.byteSize();
        events.add(e);
    }

    @Override
    public int memberLevel(Address who) {
        return state.account(who).level();
    }

    @Override
    public long creditScore(Address who) {
        return state.account(who).credit();
    }

    @Override
    public ExecutionResult call(Address contract, String function, List<Value> args, long gasLimit, long value) {
        if (CONSTRUCTOR.equals(function)) {
            return new ExecutionResult.Trap(TrapKind.NO_SUCH_FUNCTION, "init runs only in the deploy transaction", -1, 0);
        }
        Optional<ContractInfo> info = state.contract(contract);
        if (info.isEmpty()) {
            return new ExecutionResult.Trap(TrapKind.NO_SUCH_CONTRACT, "no contract at " + contract, -1, 0);
        }
        Optional<ExecutionResult.Trap> refused = run.guard.enter(contract);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            if (value > balance()) {
                return new ExecutionResult.Revert(("contract " + self + " cannot send " + value + " base units with the call: it holds "
                        + balance()).getBytes(StandardCharsets.UTF_8), 0);
            }
            Module module = moduleOf(state, info.get());
            Overlay child = state.child();
            child.credit(self, -value);
            child.credit(contract, value);
            ContractHost callee = new ContractHost(run, child, self, contract, value);
            ExecutionResult r = Interpreter.call(module, function, args, callee, gasLimit);
            if (r.isSuccess()) {
                child.mergeIntoParent();
                events.addAll(callee.events);
            }
            return r;
        } finally {
            run.guard.exit();
        }
    }

    /**
     * The compiled module of a deployed contract. Its code was verified at deploy, so a failure here is
     * a broken store on this node, never the caller's outcome.
     *
     * @throws LocalFault the code is missing from the state or no longer loads
     */
    static Module moduleOf(Overlay state, ContractInfo info) {
        byte[] code = state.code(info.codeHash());
        if (code == null) {
            throw new LocalFault(LocalFault.Kind.STATE_MISSING, "the code " + info.codeHash() + " of a deployed contract is missing from the state");
        }
        try {
            return ModuleCache.load(info.codeHash(), code);
        } catch (VmLoadException e) {
            throw new LocalFault(LocalFault.Kind.STATE_CORRUPT, "stored code " + info.codeHash() + " no longer loads: " + e.getMessage(), e);
        }
    }
}
