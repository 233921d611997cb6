package io.mutualchain.p2p.secure;

import io.mutualchain.p2p.RefusalReason;
import java.util.Objects;

/** Why a handshake was refused, with a message an operator can act on (it names both sides' values on a mismatch). */
public record Refusal(RefusalReason reason, String detail) {
    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return reason + ": " + detail;
    }
}
