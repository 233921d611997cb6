package io.mutualchain.p2p.link;

import io.mutualchain.core.crypto.PublicKey;

/**
 * Which of two connections between the same pair of nodes survives. Both nodes must pick the same
 * one without talking, so the rule depends only on facts both see: the connection dialled by the
 * node with the lower public key wins. When both connections were dialled by the same node, that
 * node has evidently given up on the older one (a restart, a half-open socket), so the newer wins.
 */
public final class TieBreak {
    private TieBreak() {
    }

    /** True when the candidate connection must replace the existing one. */
    public static boolean candidateWins(PublicKey self, PublicKey peer, boolean existingDialledBySelf, boolean candidateDialledBySelf) {
        if (existingDialledBySelf == candidateDialledBySelf) {
            return true;
        }
        boolean selfIsLower = self.compareTo(peer) < 0;
        return candidateDialledBySelf == selfIsLower;
    }
}
