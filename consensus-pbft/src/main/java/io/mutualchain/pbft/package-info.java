/**
 * PBFT (Castro and Liskov, OSDI'99) adapted to blocks, as a pure, single-threaded state machine.
 * It exists so that the hardest part of the node can be tested without threads, sockets, clocks or
 * disks: the daemon feeds it messages ({@link io.mutualchain.pbft.PbftEngine#step}), time
 * ({@link io.mutualchain.pbft.PbftEngine#tick}) and proposals, and carries out the
 * {@link io.mutualchain.pbft.Ready} it gets back, in the documented order (persist, send, apply,
 * sync). Its only view of wall time is an injected {@link io.mutualchain.pbft.LocalClock}, read to
 * decide whether a new proposal's timestamp is timely ({@link io.mutualchain.pbft.BlockTimeRule}).
 * The simulator in the test tree drives the very same engine over a seeded network.
 */
package io.mutualchain.pbft;
