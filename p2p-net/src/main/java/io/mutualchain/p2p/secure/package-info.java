/**
 * The link security, kept free of Netty and of threads so it can be tested byte for byte: an
 * X25519 ephemeral key exchange whose transcript both nodes sign with their long-term Ed25519 chain
 * identities, HKDF-SHA256 session keys (one per direction), and AES-256-GCM frames with counter
 * nonces.
 *
 * <p>Why not TLS 1.3 with self-signed Ed25519 certificates: the JDK's TLS needs the private key as a
 * JCA key object, and node-core deliberately never lets the Ed25519 seed out of
 * {@link io.mutualchain.core.crypto.KeyPair} (only {@code sign} is exposed). Signing a transcript
 * needs nothing more than {@code sign}, keeps the one pinned Ed25519 implementation (BouncyCastle's,
 * the consensus verifier) for peer authentication too, and avoids certificate parsing on the
 * unauthenticated path. The construction is SIGMA-style (sign the ephemeral keys, bind the identity
 * to the session key by sending it under that key) and is documented in docs/p2p.md.
 */
package io.mutualchain.p2p.secure;
