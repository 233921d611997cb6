/**
 * Hashing and signatures, pinned. SHA-256 comes from the JDK (several times faster than the pure
 * Java one here). Ed25519 signing and verification go through BouncyCastle's
 * {@code org.bouncycastle.math.ec.rfc8032.Ed25519} and nothing else: which signatures count as valid
 * is consensus-critical, the JDK's verifier disagrees with BouncyCastle on hundreds of edge cases
 * and accepts a malleable signature, and so the one verifier is fixed here and its verdicts are
 * locked by test vectors (RFC 8032, Wycheproof, CCTV).
 */
package io.mutualchain.core.crypto;
