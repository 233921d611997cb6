package io.mutualchain.pbft;

import java.util.List;

/**
 * Everything the engine needs done, in the order it must be done:
 * <ol>
 *   <li>write every {@link #persist} op durably (fsync) <b>before</b> sending anything: a message
 *       sent and then forgotten by a crash could be contradicted after restart;</li>
 *   <li>send {@link #messages};</li>
 *   <li>apply {@link #committed} blocks to the ledger in the listed (height) order, storing each
 *       with its certificate, and call {@link PbftEngine#applied} for each;</li>
 *   <li>start fetching the ranges in {@link #syncRequests};</li>
 *   <li>call {@link PbftEngine#advance} with this very Ready.</li>
 * </ol>
 * Steps 3 and 4 may run asynchronously, but {@code applied} must be called in height order.
 */
public record Ready(List<PersistOp> persist, List<Outbound> messages, List<CommittedBlock> committed,
                    List<SyncRequest> syncRequests) {
    public static final Ready EMPTY = new Ready(List.of(), List.of(), List.of(), List.of());

    public Ready {
        persist = List.copyOf(persist);
        messages = List.copyOf(messages);
        committed = List.copyOf(committed);
        syncRequests = List.copyOf(syncRequests);
    }

    public boolean isEmpty() {
        return persist.isEmpty() && messages.isEmpty() && committed.isEmpty() && syncRequests.isEmpty();
    }
}
