/**
 * PBFT (Castro and Liskov, OSDI'99) adapted to blocks, as a pure, single-threaded state machine.
 * It exists so that the hardest part of the node can be tested without threads, sockets, clocks or
 * disks: the daemon feeds it messages ({@link io.mutualchain.pbft.PbftEngine#step}), time
 * ({@link io.mutualchain.pbft.PbftEngine#tick}) and proposals, and carries out the
 * {@link io.mutualchain.pbft.Ready} it gets back, in the documented order (persist, send, apply,
 * sync). Its only view of wall time is an injected {@link io.mutualchain.pbft.LocalClock}, read to
 * decide whether a new proposal's timestamp is timely ({@link io.mutualchain.pbft.BlockTimeRule}).
 * The simulator in the test tree drives the very same engine over a seeded network.
 *
 * <p>How the pieces fit. {@code PbftEngine} is the only public door: it decodes and authenticates
 * each message, checks the caller's contract, and routes the input to the package-private part
 * that owns it. The parts share one state holder, {@code EngineState} (views, heights, the log,
 * what this replica sent, the {@code Outbox} that becomes the {@code Ready}); each part is one
 * section of the paper and of docs/consensus.md:
 * <ul>
 *   <li>{@code NormalCase} (§4.2, pipelining): proposal, PREPARE, COMMIT; {@code Delivery} turns a
 *       quorum of COMMITs into committed blocks in height order;</li>
 *   <li>{@code Checkpointing} (§4.3): signing, stable checkpoints, watermarks and garbage collection;</li>
 *   <li>{@code ViewChanging} (§4.4, §4.5.2): timer and backoff, the f + 1 rule, VIEW-CHANGE and
 *       NEW-VIEW, entering a view; {@code OwnViewChange} builds this replica's VIEW-CHANGE;</li>
 *   <li>{@code Retransmission} and {@code LaggardHelp}: re-sending own messages, and rate-limited
 *       proofs for replicas that are behind;</li>
 *   <li>{@code SyncRequests} and {@code SyncedBlocks}: when to ask for state sync, what it brings
 *       back, and the epoch end; {@code Recovery}: restart from persisted records.</li>
 * </ul>
 * Each message type has one validator that decides whether it may be handled and returns a
 * {@link io.mutualchain.pbft.StepResult} with a {@link io.mutualchain.pbft.RejectReason}:
 * {@code PrePrepareValidator} and {@code PrepareValidator} (sharing {@code NormalCaseAdmission},
 * view and window), {@code CommitValidator}, {@code CheckpointValidator},
 * {@code ViewChangeValidator}, {@code NewViewValidator} and {@code SyncedBlockValidator}. A
 * refusal may act on what it learns (help a replica that is behind, buffer a future-view message,
 * suspect the primary), exactly as the protocol asks; acceptance is left to the part.
 */
package io.mutualchain.pbft;
