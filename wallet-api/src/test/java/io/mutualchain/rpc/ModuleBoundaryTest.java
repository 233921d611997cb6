package io.mutualchain.rpc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The module's shape: it reaches only the kernel and its own libraries (never ledger-store or the
 * daemon, which implement its port), and the protocol package stays free of any transport.
 */
class ModuleBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mutualchain.rpc");

    @Test
    void theApiDependsOnlyOnTheKernelNettyJacksonSlf4jAndTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "io.mutualchain.rpc..", "io.mutualchain.core..", "io.netty..", "com.fasterxml.jackson..", "org.slf4j..", "java..")
                .check(MAIN);
    }

    @Test
    void theProtocolPackageKnowsNothingOfHttpNettyOrTheNode() {
        noClasses().that().resideInAPackage("io.mutualchain.rpc.jsonrpc..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.net..", "io.mutualchain.core..")
                .orShould().dependOnClassesThat().resideInAnyPackage("io.mutualchain.rpc", "io.mutualchain.rpc.http..",
                        "io.mutualchain.rpc.methods..")
                .check(MAIN);
    }

    @Test
    void theClientSdkDoesNotUseNetty() {
        noClasses().that().haveSimpleName("RpcClient").should().dependOnClassesThat().resideInAPackage("io.netty..").check(MAIN);
    }
}
