package io.mutualchain.rpc;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;
import java.util.List;

/** A deployed contract: its code hash, who deployed it at which height, its balance and its exported functions (the ABI). */
public record ContractView(Address address, Hash32 codeHash, Address deployer, long height, long balance, int codeBytes,
                          List<Function> functions) {
    /** An exported function: name, parameters (name and type "int" or "bytes") and result types. */
    public record Function(String name, List<Param> params, List<String> results) {
        public Function {
            params = List.copyOf(params);
            results = List.copyOf(results);
        }
    }

    public record Param(String name, String type) {
    }

    public ContractView {
        functions = List.copyOf(functions);
    }
}
