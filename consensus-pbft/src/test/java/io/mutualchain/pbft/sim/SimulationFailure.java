package io.mutualchain.pbft.sim;

/** A simulated run broke safety or liveness. The message starts with the seed and how to replay it. */
public final class SimulationFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final transient SimParams params;

    public SimulationFailure(SimParams params, String message) {
        super("SIMULATION FAILED seed=" + params.seed() + " (replay: -Dsim.seed=" + params.seed() + ") " + params + "\n  " + message);
        this.params = params;
    }

    public SimParams params() {
        return params;
    }
}
