package io.mutualchain.node.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No package cycles anywhere: each package of every module (node-daemon sees them all on its
 * classpath) is a slice, and no slice may reach itself again through the others. Maven already
 * forbids cycles between modules; this is the same rule one level down. The rule's named exceptions
 * (see {@link ArchitectureRules#packagesFreeOfCycles}) must each still be a cycle, or be removed.
 */
class PackageCyclesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ArchitectureRules.ROOT);
    }

    @Test
    void noPackageOfAnyModuleIsPartOfACycle() {
        ArchitectureRules.packagesFreeOfCycles(ArchitectureRules.ROOT).check(classes);
    }

    @Test
    void eachNamedExceptionIsStillACycleSoNoneStaysInTheRuleAfterItIsFixed() {
        List<String> cycles = ArchitectureRules.packagesFreeOfCyclesWithoutExceptions(ArchitectureRules.ROOT).evaluate(classes)
                .getFailureReport().getDetails();
        for (String module : ArchitectureRules.MODULES_WITH_SHARED_ROOT_TYPES) {
            assertThat(cycles).as("a cycle through package " + module).anyMatch(c -> c.contains("package " + module + " ->"));
        }
        assertThat(cycles).as("core.crypto <-> core.types").anyMatch(c -> c.contains("package core.crypto ->") && c.contains("package core.types"));
    }
}
