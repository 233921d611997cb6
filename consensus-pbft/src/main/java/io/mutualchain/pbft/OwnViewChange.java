package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.pbft.message.PreparedBlock;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of this replica's VIEW-CHANGE (§4.4): its stable checkpoint proof and the prepared
 * certificates above it within the window, with the bodies of those not yet committed here. Built
 * when a view change starts, again after a restart, and again when the stable checkpoint moves.
 */
final class OwnViewChange {
    private OwnViewChange() {
    }

    static ViewChange build(EngineState st, long target) {
        List<PreparedCert> certs = new ArrayList<>();
        List<Block> bodies = new ArrayList<>();
        if (!st.config.has(InjectedFault.VIEW_CHANGE_WITHOUT_PREPARED)) {
            for (PreparedBlock c : st.prepared.tailMap(st.stable.height(), false).values()) {
                if (c.cert().height() <= st.windowTop()) {
                    certs.add(c.cert());
                    if (c.cert().height() > st.lastCommitted) {
                        bodies.add(c.block());
                    }
                }
            }
        }
        return new ViewChange(target, st.stable, certs, bodies);
    }
}
