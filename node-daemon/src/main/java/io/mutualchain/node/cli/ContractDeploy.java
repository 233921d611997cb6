package io.mutualchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.AsmException;
import io.mutualchain.vm.asm.Assembler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contract deploy BIN|SRC}: sends a deploy transaction (a .masm source is assembled first),
 * waits for its receipt and prints the new contract's address. Constructor arguments go to the
 * module's exported {@code init}, typed by its parameters (see {@link ContractArgs}).
 */
@Command(name = "deploy", description = "Deploy a contract module (or .masm source) and print its address.")
final class ContractDeploy implements Callable<Integer> {
    /** Generous: only the gas used is charged, but the sender must hold gas × gas price up front. */
    static final long DEFAULT_GAS = 2_000_000;

    @Parameters(paramLabel = "BIN|SRC", description = "Module file, or assembler source ending in .masm.")
    Path file;
    @Option(names = "--args", arity = "1..*", paramLabel = "ARG", description = "Arguments of the module's init function.")
    List<String> args = new ArrayList<>();
    @Option(names = "--value", paramLabel = "MTN", defaultValue = "0", description = "MTN sent to the new contract (decimal).")
    String value;
    @Option(names = "--gas", paramLabel = "N", defaultValue = "" + DEFAULT_GAS, description = "Gas limit (default: ${DEFAULT-VALUE}).")
    long gas;
    @Mixin
    KeyOption key;
    @Mixin
    RpcOption rpc;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        byte[] code = read(file);
        Module m = ContractCommand.load(code, file);
        List<Value> values = ContractArgs.parse("init", m.exported("init").map(FunctionAbi::paramTypes).orElse(List.of()), args);
        KeyPair k = key.load();
        io.mutualchain.core.tx.ContractDeploy payload;
        try {
            payload = new io.mutualchain.core.tx.ContractDeploy(code, Values.encode(values), Mtn.parse(value), gas);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        JsonNode receipt = TxSender.send(rpc, k, TxSender.nextNonce(rpc, k), payload);
        boolean ok = receipt.path("success").asBoolean(false);
        String text = ok
                ? "deployed contract " + receipt.path("contractAddress").asText() + "\n" + ContractCall.describe(receipt)
                : "deploy failed\n" + ContractCall.describe(receipt);
        new Printer(System.out, json.enabled()).print(receipt, text);
        return ok ? 0 : 1;
    }

    static byte[] read(Path file) {
        if (!file.toString().endsWith(".masm")) {
            return ContractFiles.readModule(file);
        }
        try {
            return Assembler.assemble(ContractFiles.readSource(file), file.toString(), ContractFiles.includesNextTo(file));
        } catch (AsmException e) {
            throw new UserError(e.getMessage());
        }
    }
}
