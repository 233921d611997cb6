package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;

/** Moves {@code amount} base units of MTN from the sender to {@code to}. */
public record Transfer(Address to, long amount) implements TxPayload {
    public static final int KIND = 1;

    public Transfer {
        if (to == null) {
            throw new IllegalArgumentException("transfer recipient is missing");
        }
        if (amount <= 0 || amount > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("transfer amount must be between 1 base unit and the total supply, was " + amount);
        }
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "transfer";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        to.write(w);
        w.uint(amount);
    }

    static Transfer readFields(CanonicalReader r) {
        Address to = Address.read(r, "transfer.to");
        long amount = r.uint("transfer.amount", Mtn.TOTAL_SUPPLY);
        return new Transfer(to, amount);
    }
}
