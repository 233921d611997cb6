package io.mutualchain.vm;

import java.util.List;

/**
 * Runs exported functions of verified modules. Stateless: every call builds a fresh machine, so
 * nothing carries over from one run to the next except what the host stores.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /**
     * Calls the exported function {@code function} of {@code module} with {@code args}, using at most
     * {@code gasLimit} gas. Never throws for anything the contract or its arguments do, nor for a host's
     * {@link HostTrap}; an unknown function or ill-typed arguments end in a trap that used no gas.
     * Whatever else the host throws (a local fault) propagates unchanged: it is no outcome of the run.
     *
     * @throws IllegalArgumentException if {@code gasLimit} is negative (a bug in the caller, not the contract)
     */
    public static ExecutionResult call(Module module, String function, List<Value> args, Host host, long gasLimit) {
        if (gasLimit < 0) {
            throw new IllegalArgumentException("gas limit must not be negative: " + gasLimit);
        }
        int fi = module.indexOf(function);
        if (fi < 0 || !module.functions().get(fi).exported()) {
            return new ExecutionResult.Trap(TrapKind.NO_SUCH_FUNCTION, "no exported function '" + function + "'", -1, 0);
        }
        FunctionAbi f = module.functions().get(fi);
        ExecutionResult.Trap bad = argumentProblem(f, args);
        if (bad != null) {
            return bad;
        }
        return new Machine(module.program(), host, module.gasSchedule(), gasLimit).run(fi, args);
    }

    private static ExecutionResult.Trap argumentProblem(FunctionAbi f, List<Value> args) {
        if (args.size() != f.params().size()) {
            return refused(TrapKind.TYPE_MISMATCH, "function '" + f.name() + "' takes " + f.params().size() + " arguments, got " + args.size());
        }
        for (int k = 0; k < args.size(); k++) {
            Value a = args.get(k);
            FunctionAbi.Param p = f.params().get(k);
            if (a == null || a.type() != p.type()) {
                return refused(TrapKind.TYPE_MISMATCH, "parameter '" + p.name() + "' is " + p.type().keyword() + ", got "
                        + (a == null ? "nothing" : a.type().keyword()));
            }
            if (a instanceof Value.Bytes b && b.length() > Limits.BYTES_LENGTH_MAX) {
                return refused(TrapKind.BYTES_TOO_LONG, "argument '" + p.name() + "' is " + b.length() + " bytes, at most " + Limits.BYTES_LENGTH_MAX);
            }
        }
        return null;
    }

    private static ExecutionResult.Trap refused(TrapKind kind, String message) {
        return new ExecutionResult.Trap(kind, message, -1, 0);
    }
}
