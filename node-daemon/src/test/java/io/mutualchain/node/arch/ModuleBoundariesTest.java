package io.mutualchain.node.arch;

import static io.mutualchain.node.arch.ArchitectureRules.ROOT;

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
 * Every module has classes, so no rule here may pass on an empty set (ArchUnit's default);
 * {@code RulesCanFailTest} runs the same rules against a bad fixture to show that each one can fail.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theSharedKernelDependsOnNoOtherModule() {
        ArchitectureRules.kernelDependsOnNoOtherModule(ROOT).check(classes);
    }

    @Test
    void consensusKnowsNothingOfNettyRocksDbOrOtherModules() {
        ArchitectureRules.consensusKnowsNothingOfNettyRocksDbOrOtherModules(ROOT).check(classes);
    }

    @Test
    void theContractVmIsPureAndDependsOnlyOnTheKernel() {
        ArchitectureRules.contractVmIsPureAndDependsOnlyOnTheKernel(ROOT).check(classes);
    }

    @Test
    void theLedgerDependsOnlyOnTheKernelAndTheVm() {
        ArchitectureRules.ledgerDependsOnlyOnTheKernelAndTheVm(ROOT).check(classes);
    }

    @Test
    void theNetworkLayerDoesNotReachIntoLedgerConsensusOrApi() {
        ArchitectureRules.networkLayerDoesNotReachIntoLedgerConsensusOrApi(ROOT).check(classes);
    }

    @Test
    void theWalletApiServesAPortAndKnowsNoImplementation() {
        ArchitectureRules.walletApiServesAPortAndKnowsNoImplementation(ROOT).check(classes);
    }

    @Test
    void theKernelAndTheLedgerHaveNoMemberNamedForRpcOrHttp() {
        ArchitectureRules.kernelAndLedgerKnowNoRpc(ROOT).check(classes);
    }
}
