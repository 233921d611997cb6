package io.mutualchain.pbft.drive;

import java.util.EnumSet;

/**
 * Test-only door to the driver's injected contract breaches (package-private in main code, so no
 * production caller can reach them). Used to build the deliberately broken loops the simulator must catch.
 * {@link Fault#IGNORE_FAILED_WRITE} is not the driver's: it breaks the store adapter under it (the
 * simulator wraps its store so a failed write returns as if done), so main code carries no catch for it.
 */
public final class TestLoopFaults {
    public enum Fault { SEND_BEFORE_PERSIST, SKIP_COVER, ADVANCE_WITHOUT_APPLY, IGNORE_FAILED_WRITE }

    private TestLoopFaults() {
    }

    public static <X extends Exception> ConsensusDriver<X> broken(ConsensusDriver<X> driver, Fault fault) {
        if (fault == null || fault == Fault.IGNORE_FAILED_WRITE) {
            return driver;
        }
        return driver.withFaults(EnumSet.of(LoopFault.valueOf(fault.name())));
    }
}
