package io.mutualchain.pbft;

import io.mutualchain.core.genesis.ValidatorSet;

/**
 * Vote thresholds. q = ValidatorSet.quorum() (2f + 1 when n = 3f + 1; otherwise the smallest q with
 * 2q - n &gt; f, so that two quorums always share an honest replica). Prepared needs the pre-prepare
 * plus q - 1 matching PREPAREs from distinct backups; committed needs q matching COMMITs.
 */
final class Quorums {
    final int n;
    final int f;
    final int q;
    final int prepares;
    final int commits;

    Quorums(ValidatorSet validators, boolean brokenMinusOne) {
        this.n = validators.size();
        this.f = validators.maxFaulty();
        this.q = validators.quorum();
        int slack = brokenMinusOne ? 1 : 0;
        this.prepares = Math.max(0, q - 1 - slack);
        this.commits = Math.max(1, q - slack);
    }
}
