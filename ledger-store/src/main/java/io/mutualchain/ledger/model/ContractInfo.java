package io.mutualchain.ledger.model;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.types.Address;

/**
 * A deployed contract: which code it runs (the module bytes live once per code hash), who deployed it
 * and at which height. Its MTN is an ordinary account balance at the contract's address.
 * Encoding (canonical codec): code hash (32 bytes), deployer (20 bytes), height (uint).
 */
public record ContractInfo(Hash32 codeHash, Address deployer, long height) {
    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(64);
        codeHash.write(w);
        deployer.write(w);
        return w.uint(height).toByteArray();
    }

    public static ContractInfo decode(byte[] bytes) {
        return Decoding.strict(bytes, "contract", ContractInfo::read);
    }

    private static ContractInfo read(CanonicalReader r) {
        return new ContractInfo(Hash32.read(r, "contract.codeHash"), Address.read(r, "contract.deployer"), r.uint("contract.height", Long.MAX_VALUE));
    }
}
