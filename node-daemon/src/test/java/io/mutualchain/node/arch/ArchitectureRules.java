package io.mutualchain.node.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.List;

/**
 * The architecture rules, each a function of the root package, so the same rule runs against the
 * real classes (under {@link #ROOT}) and against a deliberately bad fixture under
 * {@link #FIXTURE_ROOT}, which proves that each rule can fail ({@code RulesCanFailTest}). None
 * allows an empty "should": a rule whose module has no classes fails instead of passing vacuously.
 */
final class ArchitectureRules {
    static final String ROOT = "io.mutualchain";
    static final String FIXTURE_ROOT = "io.mutualchain.node.arch.fixture";

    /**
     * The modules whose root package is both the module's face (it assembles the subpackages) and
     * a home for types the subpackages share, so subpackage → root closes a cycle today. These are
     * the known cycles, named so that no other module can grow one; moving each root's shared types
     * into a package of their own would end them (see docs/architecture.md "Package rules").
     */
    static final List<String> MODULES_WITH_SHARED_ROOT_TYPES = List.of("ledger", "p2p", "rpc");

    private ArchitectureRules() {
    }

    /**
     * Every package under {@code root} is a slice and no slice reaches itself through others, except
     * for the known cycles: a subpackage of {@link #MODULES_WITH_SHARED_ROOT_TYPES} using its root,
     * and the key pair and key file of {@code core.crypto} giving their {@code core.types.Address}
     * ({@code KeyPair.address()}, used in hundreds of places; {@code Address.of} needs crypto).
     */
    static ArchRule packagesFreeOfCycles(String root) {
        SliceRule rule = packagesFreeOfCyclesWithoutExceptions(root)
                .ignoreDependency(nameIs(root + ".core.crypto.KeyPair", root + ".core.crypto.KeyFile"),
                        nameIs(root + ".core.types.Address"));
        for (String module : MODULES_WITH_SHARED_ROOT_TYPES) {
            String modulePackage = root + "." + module;
            rule = rule.ignoreDependency(resideInAPackage(modulePackage + "..").and(not(resideInAPackage(modulePackage))),
                    resideInAPackage(modulePackage));
        }
        return rule;
    }

    /** The cycle rule with no exception: what {@code PackageCyclesTest} uses to show each exception is still needed. */
    static SliceRule packagesFreeOfCyclesWithoutExceptions(String root) {
        return slices().matching(root + ".(**)").namingSlices("package $1").should().beFreeOfCycles();
    }

    /** node-core is the shared kernel: no other module, no transport, no storage. */
    static ArchRule kernelDependsOnNoOtherModule(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "pbft", "ledger", "vm", "p2p", "rpc", "node")
                        .and("io.netty..", "org.rocksdb..").toArray());
    }

    static ArchRule consensusKnowsNothingOfNettyRocksDbOrOtherModules(String root) {
        return noClasses().that().resideInAPackage(root + ".pbft..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "ledger", "vm", "p2p", "rpc", "node")
                        .and("io.netty..", "org.rocksdb..").toArray());
    }

    static ArchRule contractVmIsPureAndDependsOnlyOnTheKernel(String root) {
        return noClasses().that().resideInAPackage(root + ".vm..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "ledger", "pbft", "p2p", "rpc", "node")
                        .and("io.netty..", "org.rocksdb..").toArray());
    }

    static ArchRule ledgerDependsOnlyOnTheKernelAndTheVm(String root) {
        return noClasses().that().resideInAPackage(root + ".ledger..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "pbft", "p2p", "rpc", "node")
                        .and("io.netty..").toArray());
    }

    static ArchRule networkLayerDoesNotReachIntoLedgerConsensusOrApi(String root) {
        return noClasses().that().resideInAPackage(root + ".p2p..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "ledger", "pbft", "vm", "rpc", "node")
                        .and("org.rocksdb..").toArray());
    }

    static ArchRule walletApiServesAPortAndKnowsNoImplementation(String root) {
        return noClasses().that().resideInAPackage(root + ".rpc..")
                .should().dependOnClassesThat().resideInAnyPackage(modules(root, "ledger", "pbft", "vm", "p2p", "node")
                        .and("org.rocksdb..").toArray());
    }

    /**
     * The kernel and the ledger know no protocol: no member of theirs is named for RPC (as
     * {@code TxRejection.Reason.rpcCode()} was); wallet-api maps their typed reasons to codes.
     */
    static ArchRule kernelAndLedgerKnowNoRpc(String root) {
        return noMembers().that().areDeclaredInClassesThat().resideInAnyPackage(root + ".core..", root + ".ledger..")
                .should().haveNameMatching("(?i).*(rpc|jsonrpc|http).*");
    }

    /** Every module-boundary rule, for the test that runs them all against the bad fixture. */
    static List<ArchRule> moduleRules(String root) {
        return List.of(kernelDependsOnNoOtherModule(root), consensusKnowsNothingOfNettyRocksDbOrOtherModules(root),
                contractVmIsPureAndDependsOnlyOnTheKernel(root), ledgerDependsOnlyOnTheKernelAndTheVm(root),
                networkLayerDoesNotReachIntoLedgerConsensusOrApi(root), walletApiServesAPortAndKnowsNoImplementation(root),
                kernelAndLedgerKnowNoRpc(root));
    }

    private static Packages modules(String root, String... names) {
        return new Packages(List.of(names).stream().map(n -> root + "." + n + "..").toList());
    }

    private static DescribedPredicate<JavaClass> nameIs(String... fullNames) {
        List<String> names = List.of(fullNames);
        return DescribedPredicate.describe("is one of " + names, c -> names.contains(c.getName()));
    }

    private record Packages(List<String> names) {
        Packages and(String... more) {
            return new Packages(java.util.stream.Stream.concat(names.stream(), List.of(more).stream()).toList());
        }

        String[] toArray() {
            return names.toArray(String[]::new);
        }
    }
}
