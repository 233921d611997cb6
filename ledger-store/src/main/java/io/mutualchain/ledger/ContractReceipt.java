package io.mutualchain.ledger;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.types.Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a contract transaction's run left in its receipt: how it ended, the gas it used (the fee is
 * base fee + gas used × gas price), the returned values (in the VM's canonical ABI encoding), the
 * events of the run and of every nested call that succeeded, the revert reason, a message for
 * people (trap kind and text, or why the run never started), and the new contract's address for a
 * deploy that succeeded.
 *
 * <p>Encoding (canonical codec): status (u8), gas used (uint), result (bytes), events (list of:
 * contract address, topics as a list of bytes, data as bytes), revert reason (bytes), message
 * (string), created (presence byte, then 20 bytes).
 */
public record ContractReceipt(Status status, long gasUsed, byte[] result, List<Event> events, byte[] revertReason, String message,
                              Address created) {
    /** Every way a contract run can end; only SUCCESS keeps its state changes. */
    public enum Status {
        SUCCESS, REVERTED, OUT_OF_GAS, TRAPPED
    }

    /** Most events one transaction may emit; more ends the run in a HOST_ERROR trap. */
    public static final int EVENTS_MAX = 256;
    /** Most bytes of topics and data all events of one transaction may carry together. */
    public static final int EVENT_BYTES_MAX = 64 * 1024;
    /** The VM returns at most 8 values of at most 16 KiB each; this covers their encoding. */
    public static final int RESULT_BYTES_MAX = 8 * (16_384 + 16) + 8;
    public static final int REVERT_REASON_BYTES_MAX = 16_384;
    public static final int MESSAGE_BYTES_MAX = 1024;
    public static final int TOPICS_MAX = 4;

    /** An event: the contract that emitted it, up to four topics, and data. */
    public record Event(Address contract, List<byte[]> topics, byte[] data) {
        public Event {
            topics = topics.stream().map(byte[]::clone).toList();
            data = data.clone();
        }

        public int byteSize() {
            int n = data.length;
            for (byte[] t : topics) {
                n += t.length;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Event e) || !contract.equals(e.contract) || topics.size() != e.topics.size() || !Arrays.equals(data, e.data)) {
                return false;
            }
            for (int i = 0; i < topics.size(); i++) {
                if (!Arrays.equals(topics.get(i), e.topics.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return contract.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    public ContractReceipt {
        if (gasUsed < 0) {
            throw new IllegalArgumentException("gas used cannot be negative");
        }
        result = result.clone();
        events = List.copyOf(events);
        revertReason = revertReason.clone();
        if (status != Status.SUCCESS && (result.length != 0 || !events.isEmpty() || created != null)) {
            throw new IllegalArgumentException("a failed run returns nothing, emits nothing and creates nothing");
        }
    }

    public static ContractReceipt failed(Status status, long gasUsed, byte[] revertReason, String message) {
        return new ContractReceipt(status, gasUsed, new byte[0], List.of(), revertReason, cut(message), null);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    @Override
    public byte[] result() {
        return result.clone();
    }

    @Override
    public byte[] revertReason() {
        return revertReason.clone();
    }

    /** The message cut to {@link #MESSAGE_BYTES_MAX} bytes on a character boundary. */
    public static String cut(String s) {
        while (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MESSAGE_BYTES_MAX) {
            s = s.substring(0, s.length() - Math.max(1, s.length() / 8));
        }
        return s;
    }

    public void write(CanonicalWriter w) {
        w.u8(status.ordinal()).uint(gasUsed).bytes(result);
        w.list(events, (ww, e) -> {
            e.contract().write(ww);
            ww.list(e.topics(), CanonicalWriter::bytes);
            ww.bytes(e.data());
        });
        w.bytes(revertReason).string(message);
        w.bool(created != null);
        if (created != null) {
            created.write(w);
        }
    }

    public static ContractReceipt read(CanonicalReader r) {
        int s = r.u8("contract.status");
        if (s >= Status.values().length) {
            throw new CodecException("contract.status: unknown status " + s);
        }
        long gas = r.uint("contract.gasUsed", Long.MAX_VALUE);
        byte[] result = r.bytes("contract.result", RESULT_BYTES_MAX);
        List<Event> events = new ArrayList<>(r.list("contract.events", EVENTS_MAX, rr -> new Event(Address.read(rr, "event.contract"),
                rr.list("event.topics", TOPICS_MAX, t -> t.bytes("event.topic", EVENT_BYTES_MAX)), rr.bytes("event.data", EVENT_BYTES_MAX))));
        byte[] reason = r.bytes("contract.revertReason", REVERT_REASON_BYTES_MAX);
        String message = r.string("contract.message", MESSAGE_BYTES_MAX);
        Address created = r.bool("contract.created present") ? Address.read(r, "contract.created") : null;
        try {
            return new ContractReceipt(Status.values()[s], gas, result, events, reason, message, created);
        } catch (IllegalArgumentException e) {
            throw new CodecException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContractReceipt c && status == c.status && gasUsed == c.gasUsed && Arrays.equals(result, c.result)
                && events.equals(c.events) && Arrays.equals(revertReason, c.revertReason) && message.equals(c.message)
                && java.util.Objects.equals(created, c.created);
    }

    @Override
    public int hashCode() {
        return status.hashCode() * 31 + Long.hashCode(gasUsed);
    }
}
