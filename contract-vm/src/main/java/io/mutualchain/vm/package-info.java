/**
 * The contract VM: the one place where code written by contract authors runs inside a node.
 *
 * <p>It exists as its own module so that everything a contract can observe is decided here and
 * nowhere else: the bytecode format ({@link io.mutualchain.vm.ModuleImage}), the verifier that
 * refuses bad code at deploy time ({@link io.mutualchain.vm.ModuleLoader}), the gas schedule
 * ({@link io.mutualchain.vm.GasSchedule}), the limits ({@link io.mutualchain.vm.Limits}) and the
 * interpreter ({@link io.mutualchain.vm.Interpreter}). The phases follow one another and never mix:
 * bytes are decoded, the decoded module is verified and compiled once into an immutable
 * {@link io.mutualchain.vm.Module}, and only a verified module can run. Loading fails with a typed
 * {@link io.mutualchain.vm.VmLoadException}; running never throws for anything a contract does and
 * ends in a typed {@link io.mutualchain.vm.ExecutionResult}.
 *
 * <p>The VM is pure and deterministic: 64-bit integers and immutable byte strings only, no floating
 * point, no clock, no randomness, no threads. The ledger is reached through
 * {@link io.mutualchain.vm.Host} and nothing else, so two nodes that feed the same host answers get
 * the same result and the same gas to the unit.
 */
package io.mutualchain.vm;
