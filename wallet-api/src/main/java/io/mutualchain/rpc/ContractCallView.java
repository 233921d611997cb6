package io.mutualchain.rpc;

import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * How a contract run ended, for receipts, {@code mc_call} and {@code mc_estimateGas}. {@code status} is
 * SUCCESS, REVERTED, OUT_OF_GAS or TRAPPED; {@code result} holds the returned values (empty unless
 * SUCCESS); {@code revertReason} is the REVERT bytes (empty otherwise); {@code message} explains a
 * failure (trap kind and text); {@code created} is a deployed contract's address, else null.
 */
public record ContractCallView(String status, long gasUsed, List<AbiValue> result, List<Event> events, byte[] revertReason,
                               String message, Address created) {
    /** An event: the emitting contract, its topics and data. */
    public record Event(Address contract, List<byte[]> topics, byte[] data) {
        public Event {
            topics = topics.stream().map(byte[]::clone).toList();
            data = data.clone();
        }
    }

    public ContractCallView {
        Objects.requireNonNull(status, "status");
        result = List.copyOf(result);
        events = List.copyOf(events);
        revertReason = revertReason.clone();
        message = message == null ? "" : message;
    }
}
