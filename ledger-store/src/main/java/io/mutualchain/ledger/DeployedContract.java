package io.mutualchain.ledger;

import io.mutualchain.ledger.model.ContractInfo;
import io.mutualchain.core.types.Address;

/** A contract as stored: its address, its record (code hash, deployer, height) and its module bytes. */
public record DeployedContract(Address address, ContractInfo info, byte[] code) {
    public DeployedContract {
        code = code.clone();
    }

    @Override
    public byte[] code() {
        return code.clone();
    }
}
