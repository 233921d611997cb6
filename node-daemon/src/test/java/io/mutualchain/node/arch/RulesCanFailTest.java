package io.mutualchain.node.arch;

import static io.mutualchain.node.arch.ArchitectureRules.FIXTURE_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No architecture rule that cannot fail: each rule of {@link ArchitectureRules}, pointed at the
 * bad fixture ({@code arch.fixture}, one violation per rule), reports a violation; and a rule over
 * a module with no classes fails rather than holding vacuously.
 */
class RulesCanFailTest {
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE_ROOT);
    }

    @Test
    void everyModuleRuleReportsTheFixtureClassThatBreaksIt() {
        for (ArchRule rule : ArchitectureRules.moduleRules(FIXTURE_ROOT)) {
            EvaluationResult result = rule.evaluate(fixture);
            assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        }
    }

    @Test
    void theCycleRuleReportsAPackageCycle() {
        EvaluationResult result = ArchitectureRules.packagesFreeOfCycles(FIXTURE_ROOT).evaluate(fixture);
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("package cycle.a") && d.contains("package cycle.b"));
    }

    @Test
    void theSubpackageToRootExceptionHoldsOnlyForTheNamedModules() {
        EvaluationResult result = ArchitectureRules.packagesFreeOfCycles(FIXTURE_ROOT).evaluate(fixture);
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("package pbft.sub") && d.contains("package pbft -"));
    }

    @Test
    void aModuleRuleOverAnEmptySetFailsInsteadOfPassingVacuously() {
        JavaClasses onlyTheDaemon = new ClassFileImporter().importPackages(FIXTURE_ROOT + ".node");
        ArchRule vmRule = ArchitectureRules.contractVmIsPureAndDependsOnlyOnTheKernel(FIXTURE_ROOT);
        assertThatThrownBy(() -> vmRule.check(onlyTheDaemon)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }
}
