package io.mutualchain.vm;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;

import java.util.List;

/**
 * The ABI encoding of a list of values, used wherever arguments or results travel outside the VM
 * (a contract-call transaction, a receipt, {@code mc_call}). One canonical form per list: a varint
 * count, then per value its type code and either 8 big-endian bytes (int) or a length-prefixed byte
 * string (bytes).
 */
public final class Values {
    private Values() {
    }

    public static byte[] encode(List<? extends Value> values) {
        CanonicalWriter w = new CanonicalWriter();
        w.list(values, Values::write);
        return w.toByteArray();
    }

    /** Strict decoding; any malformed or oversized input fails with {@link CodecException}. */
    public static List<Value> decode(byte[] bytes) {
        return Decoding.strict(bytes, "ABI values", r -> r.list("values", Limits.ABI_VALUES_MAX, Values::read));
    }

    public static void write(CanonicalWriter w, Value value) {
        w.u8(value.type().code());
        if (value instanceof Value.Int i) {
            long v = i.value();
            byte[] b = new byte[8];
            for (int k = 7; k >= 0; k--) {
                b[k] = (byte) v;
                v >>= 8;
            }
            w.fixed(b);
        } else {
            w.bytes(((Value.Bytes) value).raw());
        }
    }

    public static Value read(CanonicalReader r) {
        int code = r.u8("value type");
        ValueType type = ValueType.ofCode(code);
        if (type == null) {
            throw new CodecException("value type: unknown code " + code);
        }
        if (type == ValueType.INT) {
            byte[] b = r.fixed(8, "int value");
            long v = 0;
            for (byte x : b) {
                v = (v << 8) | (x & 0xff);
            }
            return Value.of(v);
        }
        return Value.of(r.bytes("bytes value", Limits.BYTES_LENGTH_MAX));
    }
}
