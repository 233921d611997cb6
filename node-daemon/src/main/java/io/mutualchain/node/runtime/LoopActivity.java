package io.mutualchain.node.runtime;

/**
 * What the consensus loop is doing, in words, for the FATAL line if it halts ("applying committed
 * block 12"). Shared by the loop and the driver's adapters; written and read on the loop's thread only.
 */
final class LoopActivity {
    private String doing = "starting";

    void now(String what) {
        doing = what;
    }

    String doing() {
        return doing;
    }
}
