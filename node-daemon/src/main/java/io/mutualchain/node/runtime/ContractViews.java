package io.mutualchain.node.runtime;

import io.mutualchain.ledger.ContractReceipt;
import io.mutualchain.ledger.DeployedContract;
import io.mutualchain.rpc.AbiValue;
import io.mutualchain.rpc.ContractCallView;
import io.mutualchain.rpc.ContractView;
import io.mutualchain.vm.FunctionAbi;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.ValueType;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.VmLoadException;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the ledger's and the VM's contract types and the wallet API's, which know neither
 * (the API module depends only on node-core).
 */
final class ContractViews {
    private ContractViews() {
    }

    static Value toVm(AbiValue v) {
        return v instanceof AbiValue.Int i ? Value.of(i.value()) : Value.of(((AbiValue.Bytes) v).bytes());
    }

    static AbiValue toApi(Value v) {
        return v instanceof Value.Int i ? new AbiValue.Int(i.value()) : new AbiValue.Bytes(((Value.Bytes) v).toBytes());
    }

    static byte[] encode(List<AbiValue> args) {
        return Values.encode(args.stream().map(ContractViews::toVm).toList());
    }

    static ContractCallView run(ContractReceipt r) {
        List<AbiValue> result = r.result().length == 0 ? List.of() : Values.decode(r.result()).stream().map(ContractViews::toApi).toList();
        List<ContractCallView.Event> events = new ArrayList<>();
        for (ContractReceipt.Event e : r.events()) {
            events.add(new ContractCallView.Event(e.contract(), e.topics(), e.data()));
        }
        return new ContractCallView(r.status().name(), r.gasUsed(), result, events, r.revertReason(), r.message(), r.created());
    }

    static ContractView contract(DeployedContract c, long balance) {
        List<ContractView.Function> functions = new ArrayList<>();
        try {
            Module m = ModuleLoader.load(c.code());
            for (FunctionAbi f : m.functions()) {
                if (!f.exported()) {
                    continue;
                }
                List<ContractView.Param> params = f.params().stream().map(p -> new ContractView.Param(p.name(), p.type().keyword())).toList();
                functions.add(new ContractView.Function(f.name(), params, f.results().stream().map(ValueType::keyword).toList()));
            }
        } catch (VmLoadException e) {
            // Stored code was verified at deploy; a refusal now means a broken store, which the API must not hide.
            throw new IllegalStateException("stored code of " + c.address() + " no longer loads: " + e.getMessage(), e);
        }
        return new ContractView(c.address(), c.info().codeHash(), c.info().deployer(), c.info().height(), balance, c.code().length, functions);
    }
}
