package io.mutualchain.core.tx;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;
import java.util.Arrays;
import io.mutualchain.core.types.Mtn;

/**
 * Deploys a contract module. {@code code} is the module's canonical bytes (the VM loads and verifies
 * them when the transaction executes); {@code args} are the constructor arguments in the VM's
 * canonical ABI encoding (node-core does not know the VM, so it carries them as opaque bounded bytes),
 * passed to the module's exported {@code init} function if it has one. {@code value} base units of
 * MTN move from the sender to the new contract; at most {@code gasLimit} gas is spent on loading
 * and construction, and only the gas used is charged.
 *
 * <p>Encoding after the tag: code (bytes), args (bytes), value (uint), gas limit (uint).
 */
public record ContractDeploy(byte[] code, byte[] args, long value, long gasLimit) implements TxPayload {
    public static final int KIND = 9;
    /** Largest module a transaction may carry; the chain's maxTxBytes usually bounds it lower. */
    public static final int CODE_BYTES_MAX = 256 * 1024;
    /** Largest encoded argument list: sixteen byte strings of the VM's 16 KiB each, plus their headers. */
    public static final int ARGS_BYTES_MAX = 16 * (16_384 + 8) + 8;
    /** Most gas one transaction may ask for; with ChainParams.GAS_PRICE_MAX the product stays far below the supply. */
    public static final long GAS_LIMIT_MAX = 10_000_000L;

    public ContractDeploy {
        code = checkedCopy(code, CODE_BYTES_MAX, "contract code");
        if (code.length == 0) {
            throw new IllegalArgumentException("contract code is empty");
        }
        args = checkedCopy(args, ARGS_BYTES_MAX, "constructor arguments");
        checkValueAndGas(value, gasLimit);
    }

    static byte[] checkedCopy(byte[] b, int max, String what) {
        byte[] c = b == null ? new byte[0] : b.clone();
        if (c.length > max) {
            throw new IllegalArgumentException(what + " take " + c.length + " bytes; the limit is " + max);
        }
        return c;
    }

    static void checkValueAndGas(long value, long gasLimit) {
        if (value < 0 || value > Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("value must be between 0 and the total supply, was " + value);
        }
        if (gasLimit < 1 || gasLimit > GAS_LIMIT_MAX) {
            throw new IllegalArgumentException("gas limit must be between 1 and " + GAS_LIMIT_MAX + ", was " + gasLimit);
        }
    }

    @Override
    public byte[] code() {
        return code.clone();
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
        return "contract_deploy";
    }

    @Override
    public void writeFields(CanonicalWriter w) {
        w.bytes(code).bytes(args).uint(value).uint(gasLimit);
    }

    static ContractDeploy readFields(CanonicalReader r) {
        byte[] code = r.bytes("deploy.code", CODE_BYTES_MAX);
        byte[] args = r.bytes("deploy.args", ARGS_BYTES_MAX);
        long value = r.uint("deploy.value", Mtn.TOTAL_SUPPLY);
        long gas = r.uint("deploy.gasLimit", GAS_LIMIT_MAX);
        try {
            return new ContractDeploy(code, args, value, gas);
        } catch (IllegalArgumentException e) {
            throw new CodecException(e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContractDeploy d && Arrays.equals(code, d.code) && Arrays.equals(args, d.args)
                && value == d.value && gasLimit == d.gasLimit;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(code) * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return "ContractDeploy[" + code.length + " code bytes, " + args.length + " arg bytes, value=" + value + ", gasLimit=" + gasLimit + "]";
    }
}
