package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine has produced since the last {@link PbftEngine#advance}. {@code ready()} hands out a
 * snapshot; {@code advance} removes exactly that snapshot, so inputs that arrive in between are kept.
 * With the test-only {@link InjectedFault#PERSIST_AFTER_SEND} the persist ops are withheld until the
 * next input, i.e. written after the messages they protect were sent (a crash in between loses them).
 */
final class Outbox {
    private final boolean persistLate;
    private final List<PersistOp> persist = new ArrayList<>();
    private final List<PersistOp> late = new ArrayList<>();
    private final List<Outbound> messages = new ArrayList<>();
    private final List<CommittedBlock> committed = new ArrayList<>();
    private final List<SyncRequest> sync = new ArrayList<>();

    Outbox(boolean persistLate) {
        this.persistLate = persistLate;
    }

    void persist(String key, byte[] value) {
        (persistLate ? late : persist).add(new PersistOp(key, value));
    }

    void broadcast(byte[] payload) {
        messages.add(Outbound.broadcast(payload));
    }

    void send(PublicKey to, byte[] payload) {
        messages.add(Outbound.unicast(to, payload));
    }

    void commit(CommittedBlock b) {
        committed.add(b);
    }

    void sync(SyncRequest r) {
        sync.add(r);
    }

    /** Called at the start of every input: releases persist ops withheld by the test-only fault. */
    void beginInput() {
        if (persistLate) {
            persist.addAll(late);
            late.clear();
        }
    }

    boolean isEmpty() {
        return persist.isEmpty() && messages.isEmpty() && committed.isEmpty() && sync.isEmpty();
    }

    Ready snapshot() {
        return new Ready(persist, messages, committed, sync);
    }

    void remove(Ready r) {
        persist.subList(0, Math.min(r.persist().size(), persist.size())).clear();
        messages.subList(0, Math.min(r.messages().size(), messages.size())).clear();
        committed.subList(0, Math.min(r.committed().size(), committed.size())).clear();
        sync.subList(0, Math.min(r.syncRequests().size(), sync.size())).clear();
    }
}
