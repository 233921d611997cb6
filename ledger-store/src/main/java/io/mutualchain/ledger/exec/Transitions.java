package io.mutualchain.ledger.exec;

import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.ledger.model.AssetState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transition function of the whitepaper's DFSM M = (Σ, S, s0, δ, F) (chapter 4.3, table 4-2),
 * exactly: twelve events over seven states, s0 = S0, F = {S6}. Every pair not listed is undefined and
 * refused.
 */
public final class Transitions {
    private static final Map<AssetState, Map<AssetEventCode, AssetState>> DELTA = new EnumMap<>(AssetState.class);

    static {
        for (AssetState s : AssetState.values()) {
            DELTA.put(s, new EnumMap<>(AssetEventCode.class));
        }
        define(AssetEventCode.E01, AssetState.S0, AssetState.S1);
        define(AssetEventCode.E01, AssetState.S1, AssetState.S1);
        define(AssetEventCode.E01, AssetState.S5, AssetState.S1);
        define(AssetEventCode.E02, AssetState.S1, AssetState.S0);
        define(AssetEventCode.E03, AssetState.S1, AssetState.S5);
        define(AssetEventCode.E04, AssetState.S2, AssetState.S2);
        define(AssetEventCode.E04, AssetState.S5, AssetState.S2);
        define(AssetEventCode.E05, AssetState.S2, AssetState.S5);
        define(AssetEventCode.E06, AssetState.S2, AssetState.S5);
        define(AssetEventCode.E07, AssetState.S3, AssetState.S3);
        define(AssetEventCode.E07, AssetState.S5, AssetState.S3);
        define(AssetEventCode.E08, AssetState.S3, AssetState.S5);
        define(AssetEventCode.E09, AssetState.S3, AssetState.S5);
        define(AssetEventCode.E10, AssetState.S4, AssetState.S4);
        define(AssetEventCode.E10, AssetState.S5, AssetState.S4);
        define(AssetEventCode.E11, AssetState.S4, AssetState.S5);
        define(AssetEventCode.E12, AssetState.S4, AssetState.S6);
    }

    private Transitions() {
    }

    private static void define(AssetEventCode e, AssetState from, AssetState to) {
        DELTA.get(from).put(e, to);
    }

    /** δ(state, event), or empty when the pair is not in the table. */
    public static Optional<AssetState> next(AssetState state, AssetEventCode event) {
        return Optional.ofNullable(DELTA.get(state).get(event));
    }
}
