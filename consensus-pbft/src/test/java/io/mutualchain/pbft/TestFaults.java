package io.mutualchain.pbft;

/**
 * Test-only door to the engine's injected faults (package-private in main code, so no production
 * caller can reach them). Used to build the deliberately broken engines the simulator must catch.
 */
public final class TestFaults {
    public enum Fault { QUORUM_MINUS_ONE, VIEW_CHANGE_WITHOUT_PREPARED, PERSIST_AFTER_SEND }

    private TestFaults() {
    }

    public static PbftConfig broken(PbftConfig config, Fault fault) {
        if (fault == null) {
            return config;
        }
        return config.withInjectedFaults(java.util.EnumSet.of(InjectedFault.valueOf(fault.name())));
    }
}
