/**
 * The canonical binary codec: the single encoding of everything that is hashed or signed.
 * Hand-written on purpose. Every value has exactly one encoding, so two nodes that agree on a value
 * agree on its hash; decoding is strict (no trailing bytes, no non-minimal integers, no out-of-range
 * values, every length bounded) so that a peer cannot make two different byte strings mean the same
 * thing, and garbage fails with {@link io.mutualchain.core.codec.CodecException} and nothing else.
 *
 * <p>Wire rules: unsigned integers are LEB128 varints in their shortest form; fixed-size values
 * (hashes, keys, signatures) are raw bytes; byte strings and UTF-8 strings are a varint length
 * followed by the bytes, with a caller-given maximum; booleans are one byte, 0 or 1; lists are a
 * varint count followed by the elements, with a caller-given maximum count.
 */
package io.mutualchain.core.codec;
