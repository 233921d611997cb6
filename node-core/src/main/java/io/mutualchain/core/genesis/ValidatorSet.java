package io.mutualchain.core.genesis;

import io.mutualchain.core.crypto.PublicKey;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The validators in genesis order (which fixes primary rotation: the primary of view v is
 * validator v mod n), with the fault and quorum sizes. For n = 3f + 1 the quorum is 2f + 1; for
 * other n it is the smallest q with 2q - n &gt; f, so that any two quorums share an honest validator.
 */
public final class ValidatorSet {
    /**
     * The most validators a set may hold, in genesis and after governance changes: every block's
     * certificate carries up to a quorum of signatures and every consensus round costs O(n^2)
     * messages, so n is kept where a block's certificate and a view change stay small.
     */
    public static final int MAX_VALIDATORS = 100;

    private final List<Validator> validators;
    private final Map<PublicKey, Integer> index = new HashMap<>();
    private final Set<PublicKey> keys;

    public ValidatorSet(List<Validator> validators) {
        if (validators.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one validator");
        }
        if (validators.size() > MAX_VALIDATORS) {
            throw new IllegalArgumentException("a validator set holds at most " + MAX_VALIDATORS + " validators, not " + validators.size());
        }
        this.validators = List.copyOf(validators);
        LinkedHashSet<PublicKey> ks = new LinkedHashSet<>();
        for (int i = 0; i < validators.size(); i++) {
            PublicKey k = validators.get(i).publicKey();
            if (index.put(k, i) != null) {
                throw new IllegalArgumentException("validator key " + k + " appears twice");
            }
            ks.add(k);
        }
        this.keys = java.util.Collections.unmodifiableSet(ks);
    }

    public int size() {
        return validators.size();
    }

    /** The most faulty validators tolerated: f = floor((n - 1) / 3). */
    public int maxFaulty() {
        return maxFaulty(validators.size());
    }

    public int quorum() {
        return quorum(validators.size());
    }

    public static int maxFaulty(int n) {
        return (n - 1) / 3;
    }

    public static int quorum(int n) {
        return (n + maxFaulty(n)) / 2 + 1;
    }

    public List<Validator> validators() {
        return validators;
    }

    public Set<PublicKey> keys() {
        return keys;
    }

    public Validator get(int i) {
        return validators.get(i);
    }

    public Optional<Integer> indexOf(PublicKey key) {
        return Optional.ofNullable(index.get(key));
    }

    public boolean contains(PublicKey key) {
        return index.containsKey(key);
    }

    /** Two sets are equal when they hold the same validators (names and keys) in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ValidatorSet other && validators.equals(other.validators);
    }

    @Override
    public int hashCode() {
        return validators.hashCode();
    }

    @Override
    public String toString() {
        return "ValidatorSet" + validators;
    }

    public PublicKey primaryOf(long view) {
        return validators.get((int) Math.floorMod(view, (long) validators.size())).publicKey();
    }
}
