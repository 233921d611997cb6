package io.mutualchain.rpc;

import io.mutualchain.core.types.Address;

/** The client's reading of {@code mc_getAccount}: balance in base units and the next nonce. */
public record AccountInfo(Address address, long balance, long nonce) {
}
