package io.mutualchain.p2p;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The transport reaches only the kernel, Netty, BouncyCastle, SLF4J and the JDK: never the ledger,
 * consensus, RPC or daemon, so it cannot grow an opinion about what its payloads mean.
 */
class ModuleBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.mutualchain.p2p");

    @Test
    void theTransportDependsOnlyOnTheKernelNettyBouncyCastleSlf4jAndTheJdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "io.mutualchain.p2p..", "io.mutualchain.core.crypto..", "io.mutualchain.core.codec..", "io.mutualchain.core.bytes..",
                "io.netty..", "org.bouncycastle..", "org.slf4j..", "java..", "javax.crypto..")
                .check(MAIN);
    }

    @Test
    void nothingHereKnowsTheLedgerConsensusRpcOrDaemon() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.mutualchain.ledger..", "io.mutualchain.pbft..", "io.mutualchain.consensus..", "io.mutualchain.rpc..",
                "io.mutualchain.daemon..", "io.mutualchain.node..", "io.mutualchain.vm..")
                .check(MAIN);
    }

    @Test
    void theSecurityPackageHasNoNettyAndNoThreads() {
        noClasses().that().resideInAPackage("io.mutualchain.p2p.secure..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "java.util.concurrent..", "java.net..")
                .check(MAIN);
    }
}
