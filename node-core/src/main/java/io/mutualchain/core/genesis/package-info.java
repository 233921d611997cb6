/**
 * Genesis: the document every node of a chain starts from (chain id, validators, the one-time
 * allocation of the fixed MTN supply, chain parameters). Nodes compare genesis hashes when they
 * connect, so the hash is taken over the canonical encoding, never over JSON text.
 */
package io.mutualchain.core.genesis;
