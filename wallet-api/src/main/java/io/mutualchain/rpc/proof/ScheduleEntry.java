package io.mutualchain.rpc.proof;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import java.util.Optional;

/**
 * The validator schedule entry (state key 0x09) read from its published encoding (docs/ledger.md):
 * the current epoch, has-pending, then the pending epoch; an epoch is its base (uint) and its
 * validators as a list of (name, 32-byte key) in set order. Read here again rather than shared with
 * the node, like the rest of this package.
 */
record ScheduleEntry(ValidatorSetChain.TrustedEpoch current, Optional<ValidatorSetChain.TrustedEpoch> pending) {
    /** A validator name is at most 64 characters, so at most 256 UTF-8 bytes. */
    private static final int MAX_NAME_BYTES = 256;

    static ScheduleEntry decode(byte[] bytes) {
        return Decoding.strict(bytes, "validator schedule", r -> {
            ValidatorSetChain.TrustedEpoch current = epoch(r, "schedule.current");
            Optional<ValidatorSetChain.TrustedEpoch> pending = r.bool("schedule.hasPending")
                    ? Optional.of(epoch(r, "schedule.pending")) : Optional.empty();
            return new ScheduleEntry(current, pending);
        });
    }

    private static ValidatorSetChain.TrustedEpoch epoch(CanonicalReader r, String what) {
        long base = r.uint(what + ".base", Long.MAX_VALUE);
        var list = r.list(what + ".validators", ValidatorSet.MAX_VALIDATORS,
                rr -> new Validator(rr.string(what + ".name", MAX_NAME_BYTES), PublicKey.read(rr, what + ".key")));
        return new ValidatorSetChain.TrustedEpoch(base, new ValidatorSet(list));
    }
}
