package io.mutualchain.rpc.methods;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import io.mutualchain.rpc.jsonrpc.RpcError;
import java.util.OptionalLong;

/**
 * Typed readers for param values. Each failure is a -32602 that names the param and says what was
 * expected, so a wallet developer can fix the call from the error alone.
 */
final class ParamReaders {
    /** Longest hex string a param may carry, in characters; far above any transaction, far below the body limit. */
    static final int HEX_CHARS_MAX = 512 * 1024;

    /** Longer than any address text; keeps a huge string out of the error message. */
    static final int ADDRESS_CHARS_MAX = 100;
    /** Longest value quoted back in an error message. */
    private static final int QUOTED_CHARS_MAX = 40;

    private ParamReaders() {
    }

    static Hash32 hash(String param, JsonNode v) {
        String text = text(param, v, "a 0x-prefixed 32-byte hex hash");
        byte[] bytes = hexBytes(param, text);
        if (bytes.length != Hash32.SIZE) {
            throw RpcError.invalidParam(param, "must be a 32-byte hash (64 hex digits), got " + bytes.length + " bytes");
        }
        return Hash32.of(bytes);
    }

    static byte[] hexData(String param, JsonNode v) {
        String text = text(param, v, "a 0x-prefixed hex string");
        byte[] bytes = hexBytes(param, text);
        if (bytes.length == 0) {
            throw RpcError.invalidParam(param, "is empty");
        }
        return bytes;
    }

    /** A 0x-prefixed hex string that may be empty ("0x"): a contract's byte-string argument. */
    static byte[] hexOrEmpty(String param, JsonNode v) {
        return hexBytes(param, text(param, v, "a 0x-prefixed hex string"));
    }

    static Address address(String param, JsonNode v) {
        String text = text(param, v, "an address in its mc... text form");
        if (text.length() > ADDRESS_CHARS_MAX) {
            throw RpcError.invalidParam(param, "is not a valid address: " + text.length() + " characters is too long");
        }
        try {
            return Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParam(param, "is not a valid address: " + e.getMessage());
        }
    }

    /** A block height as a non-negative JSON integer, or "latest" (empty result). */
    static OptionalLong blockTag(String param, JsonNode v) {
        if (v.isTextual() && "latest".equals(v.textValue())) {
            return OptionalLong.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return OptionalLong.of(v.longValue());
        }
        throw RpcError.invalidParam(param, "must be a non-negative integer height or \"latest\", got " + describe(v));
    }

    static long nonNegative(String param, JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
            return v.longValue();
        }
        throw RpcError.invalidParam(param, "must be a non-negative integer, got " + describe(v));
    }

    static boolean bool(String param, JsonNode v) {
        if (!v.isBoolean()) {
            throw RpcError.invalidParam(param, "must be true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    private static String text(String param, JsonNode v, String expected) {
        if (!v.isTextual()) {
            throw RpcError.invalidParam(param, "must be " + expected + ", got " + describe(v));
        }
        return v.textValue();
    }

    private static byte[] hexBytes(String param, String text) {
        if (!(text.startsWith("0x") || text.startsWith("0X"))) {
            throw RpcError.invalidParam(param, "must start with 0x");
        }
        if (text.length() > HEX_CHARS_MAX) {
            throw RpcError.invalidParam(param, "is longer than " + HEX_CHARS_MAX + " characters");
        }
        try {
            return Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw RpcError.invalidParam(param, "is not valid hex: " + e.getMessage());
        }
    }

    /** The JSON type of a value, for error messages (never the value itself, which may be huge). */
    static String describe(JsonNode v) {
        if (v.isTextual()) {
            String t = v.textValue();
            return t.length() <= QUOTED_CHARS_MAX ? "\"" + t + "\"" : "a string of " + t.length() + " characters";
        }
        if (v.isNumber()) {
            String n = v.asText().length() <= QUOTED_CHARS_MAX ? v.asText() : "of " + v.asText().length() + " digits";
            return v.isIntegralNumber() ? "the integer " + n : "the non-integer " + n;
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
