package io.mutualchain.p2p.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class TieBreakTest {

    /** Connection X is dialled by a, Y by b. Whichever each node saw first, both must keep the same one. */
    @Property(tries = 50)
    void bothNodesKeepTheSameConnectionWhicheverArrivedFirst(@ForAll boolean aSawXFirst, @ForAll boolean bSawXFirst) {
        PublicKey a = KeyPair.generate().publicKey();
        PublicKey b = KeyPair.generate().publicKey();
        boolean aKeepsX = keepsX(a, b, true, aSawXFirst);
        boolean bKeepsX = keepsX(b, a, false, bSawXFirst);
        assertThat(aKeepsX).isEqualTo(bKeepsX);
        assertThat(aKeepsX).isEqualTo(a.compareTo(b) < 0);
    }

    @Property(tries = 20)
    void aNewerConnectionFromTheSameDiallerReplacesTheOlder(@ForAll boolean dialledBySelf) {
        PublicKey a = KeyPair.generate().publicKey();
        PublicKey b = KeyPair.generate().publicKey();
        assertThat(TieBreak.candidateWins(a, b, dialledBySelf, dialledBySelf)).isTrue();
    }

    /** self's view: X is dialled by self iff selfDialsX. */
    private static boolean keepsX(PublicKey self, PublicKey peer, boolean selfDialsX, boolean xFirst) {
        boolean existingIsX = xFirst;
        boolean existingDialledBySelf = existingIsX == selfDialsX;
        boolean candidateWins = TieBreak.candidateWins(self, peer, existingDialledBySelf, !existingDialledBySelf);
        return candidateWins != existingIsX;
    }
}
