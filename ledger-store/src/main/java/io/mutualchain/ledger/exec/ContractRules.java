package io.mutualchain.ledger.exec;

import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.tx.TxPayload;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.ContractReceipt;
import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Interpreter;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.VmLoadException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Contract transactions: deploy (load and verify the module, store it, run its {@code init}) and call
 * (run an exported function). Each runs on the transaction's scratch overlay; the executor merges it
 * only when the run succeeded, and charges base fee + gas used × gas price either way.
 */
public final class ContractRules {
    private static final byte[] ADDRESS_TAG = "MC-CONTRACT-V1".getBytes(StandardCharsets.US_ASCII);
    /** Gas a deploy pays before its init runs: verifying and storing the module. */
    public static final long DEPLOY_GAS_BASE = 20_000;
    public static final long DEPLOY_GAS_PER_BYTE = 20;

    private ContractRules() {
    }

    /** First 20 bytes of SHA-256("MC-CONTRACT-V1" || deployer || deployer's nonce as 8 bytes big-endian). */
    public static Address contractAddress(Address deployer, long nonce) {
        byte[] n = new byte[8];
        for (int i = 0; i < 8; i++) {
            n[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        byte[] h = Sha256.hash(ADDRESS_TAG, deployer.toBytes(), n).toBytes();
        return Address.ofBytes(java.util.Arrays.copyOf(h, Address.SIZE));
    }

    public static long deployGas(int codeBytes) {
        return DEPLOY_GAS_BASE + DEPLOY_GAS_PER_BYTE * codeBytes;
    }

    /** The most MTN a contract transaction can take from its sender besides the base fee: value plus gas limit × gas price. */
    public static long maxSpend(TxPayload p, long gasPrice) {
        if (p instanceof ContractDeploy d) {
            return Math.addExact(d.value(), Math.multiplyExact(d.gasLimit(), gasPrice));
        }
        if (p instanceof ContractCall c) {
            return Math.addExact(c.value(), Math.multiplyExact(c.gasLimit(), gasPrice));
        }
        return 0;
    }

    /** Refusals that come before any gas is spent: MTN locked by vesting cannot pay value or gas. */
    static Optional<Refusal> precheck(Overlay s, TxContext ctx) {
        return MoneyRules.checkUnlocked(s, ctx, maxSpend(ctx.tx().payload(), ctx.genesis().params().gasPrice()));
    }

    static ContractReceipt deploy(Overlay s, TxContext ctx, ContractDeploy d) {
        long cost = deployGas(d.code().length);
        if (d.gasLimit() < cost) {
            return ContractReceipt.failed(ContractReceipt.Status.OUT_OF_GAS, d.gasLimit(), new byte[0],
                    "deploying " + d.code().length + " bytes of code costs " + cost + " gas before init; the limit is " + d.gasLimit());
        }
        byte[] code = d.code();
        Hash32 codeHash = Sha256.hash(code);
        Module module;
        try {
            module = ModuleCache.load(codeHash, code);
        } catch (VmLoadException e) {
            return trapped(cost, "module refused at load: " + e.getMessage());
        }
        List<Value> args;
        try {
            args = Values.decode(d.args());
        } catch (CodecException e) {
            return trapped(cost, "TYPE_MISMATCH: constructor arguments do not decode: " + e.getMessage());
        }
        Address address = contractAddress(ctx.sender(), ctx.tx().nonce());
        if (s.code(codeHash) == null) {
            s.putCode(codeHash, code);
        }
        s.put(address, new ContractInfo(codeHash, ctx.sender(), ctx.height()));
        s.credit(ctx.sender(), -d.value());
        s.credit(address, d.value());
        if (module.exported(ContractHost.CONSTRUCTOR).isEmpty()) {
            if (!args.isEmpty()) {
                return trapped(cost, "TYPE_MISMATCH: the module exports no init function but " + args.size() + " constructor arguments were given");
            }
            return new ContractReceipt(ContractReceipt.Status.SUCCESS, cost, Values.encode(List.of()), List.of(), new byte[0], "", address);
        }
        ContractHost host = new ContractHost(new ContractHost.Run(address, ctx.sender(), ctx.height(), ctx.timeMs()), s, ctx.sender(), address,
                d.value());
        ExecutionResult r = Interpreter.call(module, ContractHost.CONSTRUCTOR, args, host, d.gasLimit() - cost);
        return receipt(r, cost, host, address);
    }

    static ContractReceipt call(Overlay s, TxContext ctx, ContractCall c) {
        return run(s, ctx.sender(), c.contract(), c.function(), c.args(), c.value(), c.gasLimit(), ctx.height(), ctx.timeMs());
    }

    /**
     * Runs {@code function} of {@code contract} for {@code from} on {@code s}: moves {@code value} from
     * the caller to the contract, then runs. The caller must already have checked that {@code from}
     * holds the value. The transaction path and read-only calls share it so both end the same way.
     */
    static ContractReceipt run(Overlay s, Address from, Address contract, String function, byte[] encodedArgs, long value, long gasLimit,
                               long height, long timeMs) {
        if (ContractHost.CONSTRUCTOR.equals(function)) {
            return trapped(0, "NO_SUCH_FUNCTION: init runs only in the deploy transaction");
        }
        Optional<ContractInfo> info = s.contract(contract);
        if (info.isEmpty()) {
            return trapped(0, "NO_SUCH_CONTRACT: no contract at " + contract);
        }
        List<Value> args;
        try {
            args = Values.decode(encodedArgs);
        } catch (CodecException e) {
            return trapped(0, "TYPE_MISMATCH: arguments do not decode: " + e.getMessage());
        }
        Module module = ContractHost.moduleOf(s, info.get());
        s.credit(from, -value);
        s.credit(contract, value);
        ContractHost host = new ContractHost(new ContractHost.Run(contract, from, height, timeMs), s, from, contract, value);
        return receipt(Interpreter.call(module, function, args, host, gasLimit), 0, host, null);
    }

    /**
     * Runs a call against {@code committed} on a throwaway overlay, as if {@code from} sent it in the next
     * block: for {@code mc_call} and gas estimates. Nothing is written, whatever the run does; there is
     * no fee and no nonce. {@code from} must hold {@code value}.
     */
    public static ContractReceipt readOnly(CommittedState committed, Address from, Address contract, String function, byte[] encodedArgs,
                                           long value, long gasLimit, long height, long timeMs) {
        Overlay s = Overlay.over(committed).child();
        long balance = s.account(from).balance();
        if (value < 0 || value > balance) {
            return trapped(0, "BAD_AMOUNT: " + from + " holds " + balance + " base units, cannot send " + value);
        }
        return run(s, from, contract, function, encodedArgs, value, gasLimit, height, timeMs);
    }

    private static ContractReceipt trapped(long gas, String message) {
        return ContractReceipt.failed(ContractReceipt.Status.TRAPPED, gas, new byte[0], message);
    }

    private static ContractReceipt receipt(ExecutionResult r, long extraGas, ContractHost host, Address created) {
        long gas = extraGas + r.gasUsed();
        if (r instanceof ExecutionResult.Success ok) {
            return new ContractReceipt(ContractReceipt.Status.SUCCESS, gas, Values.encode(ok.values()), host.events(), new byte[0], "", created);
        }
        if (r instanceof ExecutionResult.Revert rev) {
            return ContractReceipt.failed(ContractReceipt.Status.REVERTED, gas, rev.reason(), rev.reasonText());
        }
        if (r instanceof ExecutionResult.OutOfGas) {
            return ContractReceipt.failed(ContractReceipt.Status.OUT_OF_GAS, gas, new byte[0], "out of gas");
        }
        ExecutionResult.Trap t = (ExecutionResult.Trap) r;
        return trapped(gas, t.kind() + ": " + t.message() + (t.pc() >= 0 ? " (at code offset " + t.pc() + ")" : ""));
    }
}
