package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Calls exported function {@code function} of the contract at {@code contract}, sending {@code value}
 * base units of MTN with the call and allowing at most {@code gasLimit} gas; only the gas used is
 * charged. {@code args} are the arguments in the VM's canonical ABI encoding, opaque here.
 *
 * <p>Encoding after the tag: contract (20 bytes), function (string), args (bytes), value (uint), gas limit (uint).
 */
public record ContractCall(Address contract, String function, byte[] args, long value, long gasLimit) implements TxPayload {
    public static final int KIND = 10;
    /** The VM's limit on function names. */
    public static final int FUNCTION_BYTES_MAX = 64;

    public ContractCall {
        if (contract == null) {
            throw new IllegalArgumentException("contract address is missing");
        }
        if (function == null || function.isEmpty() || function.getBytes(StandardCharsets.UTF_8).length > FUNCTION_BYTES_MAX
                || !function.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("function name must be 1 to 64 letters, digits or '_', not starting with a digit");
        }
        args = ContractDeploy.checkedCopy(args, ContractDeploy.ARGS_BYTES_MAX, "call arguments");
        ContractDeploy.checkValueAndGas(value, gasLimit);
    }

    @Override
    public byte[] args() {
        return args.clone();
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public String kindName() {
        return "contract_call";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        contract.write(w);
        w.string(function).bytes(args).uint(value).uint(gasLimit);
    }

    static ContractCall readFields(CanonicalReader r) {
        Address contract = Address.read(r, "call.contract");
        String function = r.string("call.function", FUNCTION_BYTES_MAX);
        byte[] args = r.bytes("call.args", ContractDeploy.ARGS_BYTES_MAX);
        long value = r.uint("call.value", Mtn.TOTAL_SUPPLY);
        long gas = r.uint("call.gasLimit", ContractDeploy.GAS_LIMIT_MAX);
        try {
            return new ContractCall(contract, function, args, value, gas);
        } catch (IllegalArgumentException e) {
            throw new CodecException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContractCall c && contract.equals(c.contract) && function.equals(c.function) && Arrays.equals(args, c.args)
                && value == c.value && gasLimit == c.gasLimit;
    }

    @Override
    public int hashCode() {
        return contract.hashCode() * 31 + function.hashCode();
    }

    @Override
    public String toString() {
        return "ContractCall[" + contract + "." + function + ", " + args.length + " arg bytes, value=" + value + ", gasLimit=" + gasLimit + "]";
    }
}
