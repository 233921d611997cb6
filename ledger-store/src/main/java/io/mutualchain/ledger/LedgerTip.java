package io.mutualchain.ledger;

import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.store.Head;
import java.util.List;

/**
 * The committed tip as readers see it: a head, its totals and its validator schedule as one immutable
 * value, replaced (never changed) after each synced commit, so a reader never mixes two tips.
 *
 * @param schedule the validator schedule in the tip's state
 * @param epochs   every epoch in force so far, oldest first (the last one is {@code schedule.current()})
 */
record LedgerTip(Head head, MtnTotals totals, ValidatorSchedule schedule, List<ValidatorEpoch> epochs) {

    /** The epoch in force at {@code height}, for {@code 1 <= height <= head.height() + 1}; see {@link Ledger#epochAt(long)}. */
    ValidatorEpoch epochAt(long height) {
        long next = head.height() + 1;
        if (height < 1 || height > next) {
            throw new IllegalArgumentException("height " + height + " is outside 1.." + next + " (the committed heights and the next one)");
        }
        if (height == next && schedule.promotesAt(height)) {
            return schedule.pending().get();
        }
        for (int i = epochs.size() - 1; i >= 0; i--) {
            if (epochs.get(i).base() < height) {
                return epochs.get(i);
            }
        }
        throw new IllegalStateException("no validator epoch covers height " + height + "; the genesis epoch starts at 0");
    }
}
