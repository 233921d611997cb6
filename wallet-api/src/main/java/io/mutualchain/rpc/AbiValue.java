package io.mutualchain.rpc;

import io.mutualchain.core.bytes.Hex;
import java.util.Arrays;

/**
 * A contract argument or result as the API carries it: a signed 64-bit integer or a byte string.
 * This module does not depend on the VM; the node converts these to and from the VM's values. In JSON
 * an int is a JSON integer and bytes are a 0x-prefixed hex string.
 */
public sealed interface AbiValue permits AbiValue.Int, AbiValue.Bytes {

    record Int(long value) implements AbiValue {
    }

    /** Immutable; equality by content. */
    final class Bytes implements AbiValue {
        private final byte[] bytes;

        public Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "0x" + Hex.encode(bytes);
        }
    }
}
