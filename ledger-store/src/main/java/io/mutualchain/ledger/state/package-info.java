/**
 * The authenticated world state: a binary sparse Merkle tree of depth 256 whose root goes into every
 * block header, so that a light client holding a header can check one account with a short proof
 * instead of trusting a node.
 *
 * <h2>Exact scheme</h2>
 * <ul>
 *   <li><b>Keys.</b> Every state entry has a state key; its tree key is {@code k = SHA-256(stateKey)},
 *       256 bits, read most significant bit of byte 0 first. Bit {@code d} of {@code k} chooses the
 *       child at depth {@code d}: 0 left, 1 right. Accounts: {@code stateKey = 0x01 || address (20 bytes)}.</li>
 *   <li><b>Values.</b> An account's value is its canonical encoding (balance uint, nonce uint). An
 *       account with balance 0 and nonce 0 is not in the tree.</li>
 *   <li><b>Leaf.</b> {@code leaf(k, v) = SHA-256(0x00 || k || SHA-256(v))}.</li>
 *   <li><b>Inner node.</b> {@code node(l, r) = SHA-256(0x01 || l || r)}. The one-byte prefixes keep a
 *       leaf from ever being read as a node and back (domain separation).</li>
 *   <li><b>Empty subtrees.</b> {@code E[256] = 32 zero bytes} (an empty leaf) and
 *       {@code E[d] = node(E[d+1], E[d+1])} for {@code d = 255..0}. The root of the empty tree is
 *       {@code E[0]}.</li>
 *   <li><b>Root.</b> The hash at depth 0 of the full binary tree of depth 256 with every present key's
 *       leaf at depth 256 and {@code E[256]} everywhere else.</li>
 *   <li><b>Proof.</b> 256 sibling hashes {@code s[0..255]}, top-down: {@code s[d]} is the sibling of the
 *       path node at depth {@code d+1}. To verify that {@code k} holds {@code v} (or nothing): start with
 *       {@code h = leaf(k, v)} (or {@code E[256]}); for {@code d = 255} down to {@code 0}, let
 *       {@code h = node(h, s[d])} if bit {@code d} of {@code k} is 0, else {@code node(s[d], h)}; accept
 *       when {@code h} equals the root. Absence and presence use the same procedure.</li>
 *   <li><b>Proof encoding.</b> {@code k} (32 bytes), a 256-bit bitmap (bit {@code d} set when
 *       {@code s[d] != E[d+1]}), then the set siblings in order.</li>
 * </ul>
 *
 * <h2>Storage</h2>
 * The tree is stored compactly in the {@code state_tree} column family, which does not change any
 * hash: a subtree with at least two keys is a branch entry holding its hash; a subtree with exactly
 * one key is a leaf entry, at the highest position where that key is alone, holding the key, the
 * value hash and the full-depth hash of its subtree; an empty subtree has no entry. A tree of n keys
 * stores about 2n entries. A block's changes are applied in one pass over the touched paths; the cost
 * is about 256 hashes per changed key (the leaf is lifted through its empty siblings) plus one read
 * per branch on its path.
 */
package io.mutualchain.ledger.state;
