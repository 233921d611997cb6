package io.mutualchain.core.genesis;

import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The genesis document. Construction validates it: a chain id, at least one validator, no address
 * allocated twice, and allocations that add up to exactly the fixed supply of 400,000,000 MTN
 * (the supply is minted here, once, and never again). Allocations are kept sorted by address so the
 * hash does not depend on the order they were written in. {@link LedgerSetup} adds roles, vesting,
 * the committee and member parameters; every vesting schedule must be covered by its address's allocation.
 */
public record Genesis(String chainId, long genesisTimeMs, List<Validator> validators, List<Allocation> allocations,
                      ChainParams params, LedgerSetup setup) {
    private static final byte[] TAG = "MC-GENESIS-V1".getBytes(StandardCharsets.US_ASCII);

    public Genesis {
        if (chainId == null || chainId.isEmpty() || chainId.getBytes(StandardCharsets.UTF_8).length > Transaction.MAX_CHAIN_ID_BYTES
                || !chainId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("chainId must be 1 to 64 characters of letters, digits, '.', '_' or '-'");
        }
        if (genesisTimeMs < 0) {
            throw new IllegalArgumentException("genesisTime must not be negative");
        }
        validators = List.copyOf(validators);
        if (validators.size() > ValidatorSet.MAX_VALIDATORS) {
            throw new IllegalArgumentException("genesis lists " + validators.size() + " validators; at most " + ValidatorSet.MAX_VALIDATORS
                    + " are allowed");
        }
        new ValidatorSet(validators); // validates non-empty and unique keys
        List<Allocation> sorted = new ArrayList<>(allocations);
        sorted.sort(Comparator.comparing(Allocation::address));
        Set<Address> seen = new HashSet<>();
        long total = 0;
        for (Allocation a : sorted) {
            if (!seen.add(a.address())) {
                throw new IllegalArgumentException("address " + a.address() + " is allocated twice");
            }
            if (a.amount() > Mtn.TOTAL_SUPPLY - total) {
                throw new IllegalArgumentException("allocations exceed the total supply of 400000000 MTN");
            }
            total += a.amount();
        }
        if (total != Mtn.TOTAL_SUPPLY) {
            throw new IllegalArgumentException("allocations add up to " + Mtn.format(total)
                    + " MTN; they must add up to exactly the total supply of " + Mtn.format(Mtn.TOTAL_SUPPLY) + " MTN");
        }
        allocations = List.copyOf(sorted);
        if (params == null) {
            throw new IllegalArgumentException("params are missing");
        }
        if (setup == null) {
            throw new IllegalArgumentException("ledger setup is missing (use LedgerSetup.NONE)");
        }
        for (VestingSchedule v : setup.vesting()) {
            long held = 0;
            for (Allocation a : sorted) {
                if (a.address().equals(v.address())) {
                    held = a.amount();
                }
            }
            if (v.amount() > held) {
                throw new IllegalArgumentException("vesting of " + v.address() + " locks " + Mtn.format(v.amount())
                        + " MTN but the address is allocated " + Mtn.format(held) + " MTN");
            }
        }
    }

    /** A genesis without roles, vesting or committee, with the default member parameters. */
    public Genesis(String chainId, long genesisTimeMs, List<Validator> validators, List<Allocation> allocations, ChainParams params) {
        this(chainId, genesisTimeMs, validators, allocations, params, LedgerSetup.NONE);
    }

    public ValidatorSet validatorSet() {
        return new ValidatorSet(validators);
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(512);
        w.string(chainId);
        w.uint(genesisTimeMs);
        w.list(validators, (ww, v) -> {
            ww.string(v.name());
            v.publicKey().write(ww);
        });
        w.list(allocations, (ww, a) -> {
            a.address().write(ww);
            ww.uint(a.amount());
        });
        params.write(w);
        setup.write(w);
        return w.toByteArray();
    }

    public Hash32 hash() {
        return Sha256.hash(TAG, encode());
    }
}
