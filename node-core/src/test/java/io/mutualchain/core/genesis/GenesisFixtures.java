package io.mutualchain.core.genesis;

import io.mutualchain.core.testkit.TestKeys;
import io.mutualchain.core.types.Mtn;
import java.util.ArrayList;
import java.util.List;

/** A small valid genesis (4 validators, 3 allocations) that tests vary one field at a time. */
final class GenesisFixtures {
    static final String CHAIN = "mutualchain-test";
    static final long TIME_MS = 1_764_000_000_000L;

    private GenesisFixtures() {
    }

    static List<Validator> validators(int n) {
        List<Validator> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Validator("node" + i, TestKeys.key(100 + i).publicKey()));
        }
        return out;
    }

    static List<Allocation> allocations() {
        return List.of(
                new Allocation(TestKeys.key(1).address(), 100_000_000L * Mtn.UNIT),
                new Allocation(TestKeys.key(2).address(), 250_000_000L * Mtn.UNIT),
                new Allocation(TestKeys.key(3).address(), 50_000_000L * Mtn.UNIT));
    }

    static Genesis genesis() {
        return new Genesis(CHAIN, TIME_MS, validators(4), allocations(), ChainParams.DEFAULT);
    }
}
