/**
 * The shared kernel of MutualChain: every value that is hashed, signed or agreed on by the
 * validators is defined here, once, with exactly one byte encoding. Everything above this module
 * (consensus, ledger, VM, network, API) depends on these types and never re-encodes them another way.
 * Pure code: no threads, no sockets, no database; the only file access is reading and writing key
 * and genesis files.
 */
package io.mutualchain.core;
