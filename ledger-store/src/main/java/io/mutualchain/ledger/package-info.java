/**
 * The ledger of a node: what has been committed and what it did to the world state. The daemon
 * talks to {@link io.mutualchain.ledger.Ledger} only; consensus decides the order of blocks, this
 * package decides what a block does and keeps it durably. It exists apart from consensus so that the
 * PBFT engine stays a pure state machine, and apart from the daemon so that execution is
 * deterministic code that can be tested against a real database without a network.
 *
 * <p>Rules that make every node reach the same state: transactions run in block order; each pays
 * exactly the chain's base fee to the block's proposer; a transaction that fails a check changes
 * nothing (no fee, no nonce step) and gets a FAILED receipt; nothing reads a clock. Each commit is a
 * single synced RocksDB write batch, so a crash leaves the last committed block or the one before,
 * never half of one. The world state is authenticated by the sparse Merkle tree of
 * {@link io.mutualchain.ledger.state}.
 *
 * <p>A damaged disk must not rewrite history: the store refuses to open when RocksDB finds damage or
 * when its head is not whole or is below the head marker kept beside it ({@link io.mutualchain.ledger.HeadCheck},
 * {@link io.mutualchain.ledger.LedgerDamagedException}); the marker also records how high this node
 * may have signed, so a node rebuilt from peers stays silent where it may already have voted.
 *
 * <p>{@code Ledger} is a front of one-line delegations, so its public API is the package's contract;
 * the work is in package-private classes of one concern each: opening and recovery
 * ({@code LedgerOpening}), the single writer ({@code LedgerWriter}: validation, commit, the tip, the
 * marker's signing bound), admission checks, state reads, block reads and the consensus column.
 */
package io.mutualchain.ledger;
