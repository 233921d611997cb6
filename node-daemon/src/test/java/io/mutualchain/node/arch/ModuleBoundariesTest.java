package io.mutualchain.node.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module dependency direction of DESIGN.md, checked on the compiled classes of every module:
 * node-core depends on no other module; contract-vm and consensus-pbft only on node-core;
 * ledger-store on node-core and contract-vm; p2p-net and wallet-api only on node-core; and the pure
 * modules touch neither Netty nor RocksDB, which is what lets consensus be tested in a simulator.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mutualchain");
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.mutualchain.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.mutualchain.pbft..", "io.mutualchain.ledger..",
                        "io.mutualchain.vm..", "io.mutualchain.p2p..", "io.mutualchain.rpc..", "io.mutualchain.node..",
                        "io.netty..", "org.rocksdb..")
                .check(classes);
    }

    @Test
    void consensusKnowsNothingOfNettyRocksDbOrOtherModules() {
        noClasses().that().resideInAPackage("io.mutualchain.pbft..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "io.mutualchain.ledger..",
                        "io.mutualchain.vm..", "io.mutualchain.p2p..", "io.mutualchain.rpc..", "io.mutualchain.node..")
                .check(classes);
    }

    @Test
    void theContractVmIsPureAndDependsOnlyOnTheKernel() {
        noClasses().that().resideInAPackage("io.mutualchain.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "org.rocksdb..", "io.mutualchain.ledger..",
                        "io.mutualchain.pbft..", "io.mutualchain.p2p..", "io.mutualchain.rpc..", "io.mutualchain.node..")
                .allowEmptyShould(true) // holds vacuously while the module is still empty
                .check(classes);
    }

    @Test
    void theLedgerDependsOnlyOnTheKernelAndTheVm() {
        noClasses().that().resideInAPackage("io.mutualchain.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.mutualchain.pbft..",
                        "io.mutualchain.p2p..", "io.mutualchain.rpc..", "io.mutualchain.node..")
                .check(classes);
    }

    @Test
    void theNetworkLayerDoesNotReachIntoLedgerConsensusOrApi() {
        noClasses().that().resideInAPackage("io.mutualchain.p2p..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rocksdb..", "io.mutualchain.ledger..",
                        "io.mutualchain.pbft..", "io.mutualchain.vm..", "io.mutualchain.rpc..", "io.mutualchain.node..")
                .allowEmptyShould(true) // holds vacuously while the module is still empty
                .check(classes);
    }

    @Test
    void theWalletApiServesAPortAndKnowsNoImplementation() {
        noClasses().that().resideInAPackage("io.mutualchain.rpc..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rocksdb..", "io.mutualchain.ledger..",
                        "io.mutualchain.pbft..", "io.mutualchain.vm..", "io.mutualchain.p2p..", "io.mutualchain.node..")
                .check(classes);
    }
}
