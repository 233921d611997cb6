package io.mutualchain.vm;

import io.mutualchain.core.types.Address;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract-to-contract call rule, kept in the VM module so that every host applies the same one:
 * <ul>
 *   <li>depth: at most {@link Limits#CONTRACT_CALL_DEPTH_MAX} contracts on the call chain, the
 *       outermost counting as 1;</li>
 *   <li>no re-entrancy: a contract that is already on the chain cannot be called again until it
 *       has returned, directly (A calls A) or indirectly (A calls B calls A). A contract's storage
 *       is therefore never seen half-updated by a nested call into itself.</li>
 * </ul>
 * A host creates one guard per transaction, calls {@link #enter} before running a callee and
 * {@link #exit} after, whatever the callee's result. Not thread-safe; a transaction runs on one thread.
 */
public final class CallGuard {
    private final List<Address> chain = new ArrayList<>();

    /** Starts a guard whose chain holds the outermost contract. */
    public CallGuard(Address outermost) {
        chain.add(outermost);
    }

    /** Enters {@code callee}, or says why it may not be entered (and then nothing changes). */
    public Optional<ExecutionResult.Trap> enter(Address callee) {
        if (chain.size() >= Limits.CONTRACT_CALL_DEPTH_MAX) {
            return Optional.of(new ExecutionResult.Trap(TrapKind.CALL_DEPTH,
                    "contract call depth limit " + Limits.CONTRACT_CALL_DEPTH_MAX + " reached", -1, 0));
        }
        if (chain.contains(callee)) {
            return Optional.of(new ExecutionResult.Trap(TrapKind.REENTRANCY,
                    "contract " + callee + " is already running", -1, 0));
        }
        chain.add(callee);
        return Optional.empty();
    }

    /** Leaves the most recently entered contract. */
    public void exit() {
        if (chain.size() <= 1) {
            throw new IllegalStateException("exit without a matching enter");
        }
        chain.remove(chain.size() - 1);
    }

    public int depth() {
        return chain.size();
    }
}
