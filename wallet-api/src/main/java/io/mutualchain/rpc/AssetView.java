package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * An asset as the API shows it: state code 0-6 (S0-S6), the pending request if any (event code 1-12,
 * requester, recipient, amount), open credit if any, the number of history records and a page of them
 * starting at {@code historyFrom}.
 */
public record AssetView(Hash32 id, Address owner, String type, long amount, int state, Pending pending, Credit credit,
                        long records, long historyFrom, List<Record> history) {
    public AssetView {
        Objects.requireNonNull(id, "id");
        history = List.copyOf(history);
    }

    /** The open request: event code, who asked, the recipient (transfers only, else null) and the amount (deposits and credit). */
    public record Pending(int event, Address requester, Address to, long amount) {
    }

    /** Open credit on the asset. */
    public record Credit(Address creditor, long amount) {
    }

    /** One history record, in the whitepaper's format: state code, input code, transaction data, business data. */
    public record Record(int state, int input, Hash32 txId, long height, long timeMs, Address sender, int fromState, byte[] business) {
        public Record {
            business = business.clone();
        }
    }
}
