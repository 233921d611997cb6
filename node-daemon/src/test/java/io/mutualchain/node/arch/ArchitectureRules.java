package io.mutualchain.node.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules, each a function of the root package so that the same rule can be run
 * against the real classes (under {@link #ROOT}) and against a deliberately bad fixture (see
 * {@code RulesCanFailTest}), which proves that the rule can fail.
 */
final class ArchitectureRules {
    static final String ROOT = "io.mutualchain";

    private ArchitectureRules() {
    }

    /** Every package under {@code root} is its own slice; no slice may depend on itself through others. */
    static ArchRule packagesFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }
}
