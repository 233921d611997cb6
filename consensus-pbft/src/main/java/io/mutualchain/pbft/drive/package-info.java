/**
 * The code that carries out the engine's {@link io.mutualchain.pbft.Ready}: persist, cover, send,
 * apply, sync, advance, and switch engines when a validator epoch ends. It exists so that the daemon
 * and the simulator run one and the same loop: the daemon plugs in its ledger, network and block
 * sync, the simulator its in-memory store (which fails on purpose), network and chain, and the
 * 2,000 seeds then prove the code that runs in production rather than a copy of it. The ports are
 * small interfaces with one exception type parameter, so a failed write reaches the daemon's halt
 * path as the ledger's own exception and the simulator's as a crash.
 */
package io.mutualchain.pbft.drive;
