package io.mutualchain.vm;

import io.mutualchain.core.types.Address;

import java.util.List;

/**
 * The only bridge between a running contract and the ledger. The ledger implements it once per
 * contract run; the VM calls nothing else outside itself. SHA-256 and Ed25519 are not here because
 * they are pure functions the VM computes itself through node-core.
 *
 * <p>Rules an implementation must keep, because the VM's determinism rests on them:
 * <ul>
 *   <li>answers depend only on ledger state and the block being executed, never on the clock,
 *       randomness or the node's configuration;</li>
 *   <li>storage writes, transfers and events are buffered and become part of the state only if the
 *       run ends in {@link ExecutionResult.Success}; a failed run (and a failed nested call) leaves
 *       nothing behind except the gas it paid;</li>
 *   <li>{@link #call} runs the callee with at most {@code gasLimit} gas and reports what it used,
 *       and refuses too deep or re-entrant calls; {@link CallGuard} implements that rule.</li>
 * </ul>
 * A method refuses deterministically by throwing {@link HostTrap}: the run ends in that trap. Anything
 * else a method throws (an I/O error, missing or corrupt state, a bug) is a local fault, not an
 * outcome: it propagates out of {@link Interpreter#call} unchanged, and the ledger stops the node.
 */
public interface Host {

    /** The value stored under {@code key} in this contract's storage, or an empty array when there is none. */
    byte[] storageGet(byte[] key);

    /** Stores {@code value} under {@code key}; an empty value deletes the entry. */
    void storagePut(byte[] key, byte[] value);

    /** The account or contract that made this call. */
    Address caller();

    /** The account that signed the transaction this run belongs to. */
    Address origin();

    /** This contract's own address. */
    Address self();

    /** This contract's balance in base units, including any value sent with this call. */
    long balance();

    /** Base units of MTN sent with this call. */
    long value();

    long blockHeight();

    /** The block's timestamp from its header, in milliseconds since the epoch; never the node's clock. */
    long blockTimeMs();

    /** Moves {@code amount} base units (never negative) from this contract to {@code to}. */
    TransferStatus transfer(Address to, long amount);

    /** Records an event; topics and data are already bounded by the VM. */
    void emit(List<byte[]> topics, byte[] data);

    /** The member level of an address: 0 when it is not a member, else 1 or 2. */
    int memberLevel(Address who);

    /** The credit score of an address (0 when it has none). */
    long creditScore(Address who);

    /**
     * Calls an exported function of another contract with at most {@code gasLimit} gas, sending
     * {@code value} base units with it. Returns the callee's result; a refusal (no contract, too
     * deep, re-entrant) is a {@link ExecutionResult.Trap} with the matching kind and the gas spent.
     */
    ExecutionResult call(Address contract, String function, List<Value> args, long gasLimit, long value);
}
