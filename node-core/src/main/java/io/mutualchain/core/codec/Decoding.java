package io.mutualchain.core.codec;

import java.util.function.Function;

/** Runs a whole-message decode: reads the value, refuses trailing bytes, and reports every failure as a {@link CodecException}. */
public final class Decoding {
    private Decoding() {
    }

    public static <T> T strict(byte[] bytes, String what, Function<CanonicalReader, T> decoder) {
        if (bytes == null) {
            throw new CodecException(what + ": no bytes");
        }
        CanonicalReader reader = new CanonicalReader(bytes);
        T value;
        try {
            value = decoder.apply(reader);
        } catch (IllegalArgumentException e) {
            // Constructors validate their fields; a value that decodes but is out of its domain is still malformed input.
            throw new CodecException(what + ": " + e.getMessage());
        }
        reader.expectEnd(what);
        return value;
    }
}
