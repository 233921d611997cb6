/**
 * The wire format below the encryption: a fixed-size clear hello, then length-prefixed sealed
 * frames whose first decrypted byte says which logical channel (or control message) they belong to.
 * Kept apart from the session logic so that framing limits are enforced before anything is
 * decrypted or interpreted.
 */
package io.mutualchain.p2p.wire;
