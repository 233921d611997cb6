/**
 * The authenticated world state: a binary sparse Merkle tree over 256-bit keys whose root goes into
 * every block header, so that a light client holding a header can check one entry with a short proof
 * instead of trusting a node.
 *
 * <h2>Exact scheme</h2>
 * <ul>
 *   <li><b>Keys.</b> Every state entry has a state key; its tree key is {@code k = SHA-256(stateKey)},
 *       256 bits, read most significant bit of byte 0 first. Bit {@code d} of {@code k} chooses the
 *       child at depth {@code d}: 0 left, 1 right. The first byte of a state key is its kind (see
 *       {@link io.mutualchain.ledger.state.StateKeys}).</li>
 *   <li><b>Values.</b> An entry's value is its canonical encoding; an entry equal to its kind's
 *       default (an account with balance 0 and nonce 0, say) is not in the tree.</li>
 *   <li><b>Hash of a subtree</b> (defined over the set of keys below the position, so it does not
 *       depend on the order keys were inserted or on how the tree is stored):
 *     <ul>
 *       <li>no key: {@code EMPTY = 32 zero bytes}, at every depth;</li>
 *       <li>exactly one key {@code k} with value {@code v}: {@code leaf(k, v) = SHA-256(0x00 || k || SHA-256(v))},
 *           at whatever depth the key is alone (leaf collapse, as in Diem's Jellyfish tree);</li>
 *       <li>two keys or more: {@code node(l, r) = SHA-256(0x01 || l || r)} of the two children's hashes
 *           (one of which may be {@code EMPTY} where the keys share the next bit).</li>
 *     </ul>
 *       The root is the hash of the whole key set at depth 0. The one-byte prefixes keep a leaf from
 *       ever being read as a node and back; {@code EMPTY} is not an output of SHA-256 that anyone can find.</li>
 *   <li><b>Proof</b> ({@link io.mutualchain.ledger.state.StateProof}) for key {@code k}: the sibling
 *       hashes {@code s[0..m-1]} along {@code k}'s path from the root down to the position at depth
 *       {@code m} where the path ends, and what is there: {@code k}'s own leaf (membership), the leaf
 *       of another key {@code k'} (with {@code k'} and its value hash; absence: that subtree holds only
 *       {@code k'}), or {@code EMPTY} (absence). To verify: start with {@code h = leaf(k, v)},
 *       {@code leaf(k', vh')} (only if {@code k' != k} and {@code k'} agrees with {@code k} on the first
 *       {@code m} bits) or {@code EMPTY}; for {@code d = m-1} down to {@code 0}, {@code h = node(h, s[d])}
 *       if bit {@code d} of {@code k} is 0, else {@code node(s[d], h)}; accept when {@code h} equals the root.
 *       Soundness rests on collision resistance only: every hash on the path has one preimage, an inner
 *       node's starts with 0x01 and a leaf's with 0x00, so a proof cannot stop above, below or beside the
 *       real end of the path.</li>
 *   <li><b>Proof encoding.</b> {@code k}, {@code m}, an {@code m}-bit bitmap of the non-empty
 *       siblings, those siblings, then the terminal (see {@link io.mutualchain.ledger.state.StateProof}).
 *       In a tree of n random keys {@code m} is about log2(n), so a proof is about 32 log2(n) + 70 bytes.</li>
 * </ul>
 *
 * <h2>Storage</h2>
 * The tree is stored in the {@code state_tree} column family, keyed by position (depth and prefix): a
 * subtree with at least two keys is a branch entry holding its hash; a subtree with exactly one key is
 * a leaf entry, at the highest position where that key is alone, holding the key, the value hash and
 * the leaf hash; an empty subtree has no entry. The stored form is canonical (the same key set gives
 * the same entries whatever the history). A block's changes are applied in one pass over the touched
 * paths; the cost is one hash and one read per level of each touched path, about log2(n) per key
 * (it was 256 per key when a leaf had to be lifted through its empty siblings).
 */
package io.mutualchain.ledger.state;
