package io.mutualchain.node.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No package cycles anywhere: each package of every module (node-daemon sees them all on its
 * classpath) is a slice, and no slice may reach itself again through the others. Maven already
 * forbids cycles between modules; this is the same rule one level down.
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
}
