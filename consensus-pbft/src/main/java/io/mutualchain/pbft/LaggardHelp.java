package io.mutualchain.pbft;

import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.Signed;

/**
 * Help for a replica that shows it is behind, rate-limited per replica so a peer cannot make this
 * one send without bound: the NEW-VIEW that proves the current view, or the signed CHECKPOINTs that
 * prove the stable one. Both verify whoever relays them.
 */
final class LaggardHelp {
    private final EngineState st;

    LaggardHelp(EngineState st) {
        this.st = st;
    }

    /** A replica sent a message from an older view: send it the NEW-VIEW that proves the current one (rate-limited). */
    void helpLaggard(PublicKey signer) {
        if (!st.active || st.currentNewView == null || signer.equals(st.self)) {
            return;
        }
        if (st.newViewHelp.allow(signer, st.ticks)) {
            st.out.send(signer, st.currentNewView.encode());
        }
    }

    /**
     * A replica sent something at or below our stable checkpoint: it is behind. Relay the signed
     * CHECKPOINTs that make ours stable (they verify whoever relays them), so it can move its window
     * and sync (rate-limited per replica).
     */
    void sendStableProof(PublicKey signer) {
        if (st.stable.signatures().isEmpty() || signer.equals(st.self)) {
            return; // an epoch base needs no proof
        }
        if (st.checkpointHelp.allow(signer, st.ticks)) {
            for (Signed<Checkpoint> c : st.stable.signatures()) {
                st.out.send(signer, c.encode());
            }
        }
    }
}
