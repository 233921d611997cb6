package io.mutualchain.vm;

import io.mutualchain.core.types.Address;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * XCALL: a call to another contract through {@link Host#call}.
 *
 * <p>Stack: {@code address:bytes, function:bytes, value:int, gas:int, args...} in, then the
 * declared results and a status int out. Status 0 means success and the results are the callee's;
 * otherwise the results are zeros and empty strings and the status says why (1 revert, 2 out of
 * gas, 3 trap, including refused depth or re-entrancy). A failed callee does not fail the caller:
 * the caller decides, and the host has already discarded the callee's state changes.
 *
 * <p>Gas: the caller offers at most what it has left; whatever the callee used is charged to the
 * caller, on top of XCALL's static cost and the memory for the results.
 */
final class ContractCall {
    static final int OK = 0;
    static final int REVERTED = 1;
    static final int OUT_OF_GAS = 2;
    static final int TRAPPED = 3;

    private ContractCall() {
    }

    static void execute(Machine m, Program.Signature sig) {
        int sp = m.sp;
        int nArgs = sig.args().size();
        int base = sp - nArgs - 4;
        Address contract = SlowOps.address(m.refs[base]);
        String function = functionName(m.refs[base + 1]);
        long value = m.vals[base + 2];
        long gasOffered = m.vals[base + 3];
        if (value < 0 || gasOffered < 0) {
            throw Halt.trap(TrapKind.BAD_AMOUNT, "xcall with negative value " + value + " or gas " + gasOffered);
        }
        List<Value> args = new ArrayList<>(nArgs);
        for (int k = 0; k < nArgs; k++) {
            int slot = base + 4 + k;
            args.add(sig.args().get(k) == ValueType.INT ? Value.of(m.vals[slot]) : Value.of(m.refs[slot]));
        }
        long gasGiven = Math.min(gasOffered, m.gas);
        ExecutionResult result = SlowOps.host(() -> m.host.call(contract, function, List.copyOf(args), gasGiven, value));
        if (result == null || result.gasUsed() < 0 || result.gasUsed() > gasGiven) {
            throw Halt.trap(TrapKind.HOST_ERROR, "host call answered " + result + " for a gas limit of " + gasGiven);
        }
        m.charge(result.gasUsed());
        List<ValueType> types = sig.results();
        int status;
        if (result instanceof ExecutionResult.Success s) {
            checkResults(s.values(), types);
            for (int k = 0; k < types.size(); k++) {
                Value val = s.values().get(k);
                if (val instanceof Value.Int i) {
                    m.vals[base + k] = i.value();
                } else {
                    byte[] b = ((Value.Bytes) val).toBytes();
                    m.allocate(b.length);
                    m.refs[base + k] = b;
                }
            }
            status = OK;
        } else {
            for (int k = 0; k < types.size(); k++) {
                m.vals[base + k] = 0;
                m.refs[base + k] = Machine.EMPTY;
            }
            status = result instanceof ExecutionResult.Revert ? REVERTED
                    : result instanceof ExecutionResult.OutOfGas ? OUT_OF_GAS : TRAPPED;
        }
        m.vals[base + types.size()] = status;
        m.sp = base + types.size() + 1;
    }

    private static String functionName(byte[] b) {
        String name = new String(b, StandardCharsets.ISO_8859_1);
        if (!FunctionAbi.isValidName(name)) {
            throw Halt.trap(TrapKind.NO_SUCH_FUNCTION, "xcall names an invalid function name (" + b.length + " bytes)");
        }
        return name;
    }

    private static void checkResults(List<Value> values, List<ValueType> types) {
        if (values.size() != types.size()) {
            throw Halt.trap(TrapKind.TYPE_MISMATCH, "xcall declared " + types.size() + " results, callee returned " + values.size());
        }
        for (int k = 0; k < types.size(); k++) {
            Value val = values.get(k);
            if (val.type() != types.get(k)) {
                throw Halt.trap(TrapKind.TYPE_MISMATCH, "xcall result " + k + " is " + val.type().keyword() + ", declared " + types.get(k).keyword());
            }
            if (val instanceof Value.Bytes b && b.length() > Limits.BYTES_LENGTH_MAX) {
                throw Halt.trap(TrapKind.BYTES_TOO_LONG, "xcall result " + k + " is " + b.length() + " bytes");
            }
        }
    }
}
