package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.tx.TxRejectedException;
import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Optional;

/**
 * What the RPC server needs from a node; the daemon implements it. Calls arrive on RPC worker
 * threads, several at once, never on a network event loop, so an implementation may block briefly
 * (a database read) but must be thread-safe. A runtime exception becomes a JSON-RPC internal error
 * whose stack trace is logged, never sent.
 */
public interface NodeApi {
    String chainId();

    /** Height of the latest committed block (0 before the first block). */
    long blockNumber();

    Optional<BlockView> blockByNumber(long height);

    Optional<BlockView> blockByHash(Hash32 hash);

    /** A committed transaction with its position; empty if unknown (a pending one is not yet known here). */
    Optional<TxView> transaction(Hash32 id);

    Optional<ReceiptView> receipt(Hash32 txId);

    /** Decodes, checks and admits raw transaction bytes to the mempool; returns the transaction id. */
    Hash32 sendRawTransaction(byte[] raw) throws TxRejectedException;

    /** An account's committed balance and next nonce; an unknown address has balance 0 and nonce 0. */
    AccountView account(Address address);

    StatusView status();

    /** An asset with up to {@code limit} history records from record {@code from}; empty if no event ever created it. */
    Optional<AssetView> asset(Hash32 id, long from, int limit);

    /** Total, circulating and locked MTN at the tip. */
    SupplyView supply();

    /** A proof of an account (present or not) against the latest state root. */
    ProofView accountProof(Address address);

    /** A proof of an asset (present or not) against the latest state root. */
    ProofView assetProof(Hash32 id);

    /**
     * The validator set in force at {@code height} and the approved next set, if any. Defined for the
     * committed heights and the next one ({@code 1 <= height <= blockNumber() + 1}).
     *
     * @throws IllegalArgumentException for a height outside that range; its message says the range
     */
    ValidatorsView validators(long height);

    /**
     * The validator-set hand-overs with base {@code >= fromBase}, oldest first, at most {@code max}:
     * those whose block {@code base} is committed. The list ends before the first one this node cannot
     * serve (its record is missing here), so it is always a gap-free run that a client can check in order.
     */
    List<HandoverView> validatorHandovers(long fromBase, int max);

    /** The contract at {@code address} with its ABI; empty when no contract lives there. */
    Optional<ContractView> contract(Address address);

    /**
     * Runs a contract function read-only against the committed state with at most {@code gasLimit} gas;
     * nothing is written and no fee is paid. Every way the run can end is an answer, not an exception,
     * except the node's own caps on RPC calls.
     *
     * @throws CallLimitException when the run outlasts the node's time cap or no call worker is free
     */
    ContractCallView call(CallRequest request, long gasLimit);

    /** The most gas this node lets one read-only RPC call use ({@code rpc.callGasMax}); the largest gas limit by default. */
    default long callGasMax() {
        return io.mutualchain.core.tx.ContractDeploy.GAS_LIMIT_MAX;
    }
}
