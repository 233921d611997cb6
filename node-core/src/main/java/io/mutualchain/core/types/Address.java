package io.mutualchain.core.types;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An account address: the first 20 bytes of SHA-256("MC-ADDR-V1" || public key).
 *
 * <p>Text form: {@code mc} followed by 48 lower-case hex digits, the 20 address bytes and a 4-byte
 * checksum (the first 4 bytes of SHA-256("MC-ADDR-CHECK" || address)). The checksum catches
 * typing mistakes before a transfer is signed. Parsing accepts either case.
 */
public final class Address implements Comparable<Address> {
    public static final int SIZE = 20;
    public static final String PREFIX = "mc";
    private static final byte[] DERIVE_TAG = "MC-ADDR-V1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECK_TAG = "MC-ADDR-CHECK".getBytes(StandardCharsets.US_ASCII);

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address of(PublicKey key) {
        return new Address(Arrays.copyOf(Sha256.digest(DERIVE_TAG, key.toBytes()), SIZE));
    }

    public static Address ofBytes(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException("address must be " + SIZE + " bytes");
        }
        return new Address(bytes.clone());
    }

    /** Parses the text form; the error message says what is wrong (prefix, length, digits, checksum). */
    public static Address parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("address is missing");
        }
        String s = text.trim();
        if (!s.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("address '" + text + "' must start with '" + PREFIX + "'");
        }
        String digits = s.substring(PREFIX.length());
        if (digits.length() != 2 * (SIZE + 4)) {
            throw new IllegalArgumentException("address '" + text + "' must have " + 2 * (SIZE + 4) + " hex digits after '" + PREFIX + "'");
        }
        byte[] all;
        try {
            all = Hex.decode(digits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address '" + text + "': " + e.getMessage());
        }
        if (all.length != SIZE + 4) {
            // Hex.decode strips a leading "0x", which would leave fewer bytes than the digits suggest.
            throw new IllegalArgumentException("address '" + text + "' must have " + 2 * (SIZE + 4) + " hex digits after '" + PREFIX + "'");
        }
        Address a = new Address(Arrays.copyOf(all, SIZE));
        if (!Arrays.equals(a.checksum(), Arrays.copyOfRange(all, SIZE, SIZE + 4))) {
            throw new IllegalArgumentException("address '" + text + "' has a wrong checksum (mistyped?)");
        }
        return a;
    }

    private byte[] checksum() {
        return Arrays.copyOf(Sha256.digest(CHECK_TAG, bytes), 4);
    }

    public static Address read(CanonicalReader r, String what) {
        return new Address(r.fixed(SIZE, what));
    }

    public void write(CanonicalWriter w) {
        w.fixed(bytes);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return PREFIX + Hex.encode(bytes) + Hex.encode(checksum());
    }
}
