package io.mutualchain.p2p.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.PublicKey;
import org.junit.jupiter.api.Test;

class KeyConflictsTest {
    private static final long S = 1_000_000_000L;
    private final PublicKey k = KeyPair.generate().publicKey();

    @Test
    void oneSecondConnectionPerLinkUpLikeASimultaneousDialOrARestartIsNoConflict() {
        KeyConflicts c = new KeyConflicts();
        assertThat(c.secondConnection(k, 0)).isEqualTo(KeyConflicts.Verdict.NONE);
        assertThat(c.secondConnection(k, 61 * S)).isEqualTo(KeyConflicts.Verdict.NONE);
        assertThat(c.secondConnection(k, 122 * S)).isEqualTo(KeyConflicts.Verdict.NONE);
    }

    @Test
    void theThirdSecondConnectionWithinTheWindowIsAConflictReportedOncePerWarnInterval() {
        KeyConflicts c = new KeyConflicts();
        assertThat(c.secondConnection(k, 0)).isEqualTo(KeyConflicts.Verdict.NONE);
        assertThat(c.secondConnection(k, 1 * S)).isEqualTo(KeyConflicts.Verdict.NONE);
        assertThat(c.secondConnection(k, 2 * S)).isEqualTo(KeyConflicts.Verdict.CONFLICT_WARN);
        assertThat(c.secondConnection(k, 3 * S)).isEqualTo(KeyConflicts.Verdict.CONFLICT);
        assertThat(c.secondConnection(k, 40 * S)).isEqualTo(KeyConflicts.Verdict.CONFLICT);
        assertThat(c.secondConnection(k, 63 * S)).isEqualTo(KeyConflicts.Verdict.CONFLICT_WARN);
    }

    @Test
    void keysAreJudgedApart() {
        KeyConflicts c = new KeyConflicts();
        PublicKey other = KeyPair.generate().publicKey();
        c.secondConnection(k, 0);
        c.secondConnection(other, 1);
        assertThat(c.secondConnection(k, 2)).isEqualTo(KeyConflicts.Verdict.NONE);
    }
}
