package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.tx.ValidatorVote;
import io.mutualchain.ledger.ValidatorEpoch;
import io.mutualchain.ledger.model.ValidatorSchedule;
import io.mutualchain.ledger.model.Votes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes to the validator set by vote of the validators. Only validators of the set in force at the
 * block may vote; a proposal is carried out by the vote that brings its approvals from that set to the
 * set's quorum (2f + 1), so votes of validators removed meanwhile stop counting. The change is judged
 * at every vote against the set it would change (the pending set if one is approved, else the current
 * one), so a proposal that cannot be carried out is refused at its first vote, not at its last.
 *
 * <p>A carried-out change does not touch the set in force: it becomes the pending epoch starting at the
 * first checkpoint height strictly above the block, and {@link #promoteIfDue} makes it current at the
 * start of the block after that checkpoint. Changes approved in the same checkpoint window accumulate
 * into the one pending set.
 */
final class ValidatorRules {
    private ValidatorRules() {
    }

    static Optional<Refusal> vote(Overlay s, TxContext ctx, ValidatorVote v) {
        ValidatorSet inForce = ctx.validators();
        if (!inForce.contains(ctx.senderKey())) {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + ctx.sender()
                    + " is not a validator of the set in force at height " + ctx.height() + "; only validators vote on validator changes"));
        }
        Hash32 id = v.proposalId();
        Votes votes = s.votes(id);
        if (votes.executed()) {
            return Optional.of(Refusal.of(Refusal.Code.PROPOSAL_DONE, "validator proposal " + id + " has already been carried out"));
        }
        if (votes.voters().contains(ctx.sender())) {
            return Optional.of(Refusal.of(Refusal.Code.ALREADY_VOTED, ctx.sender() + " has already voted for validator proposal " + id));
        }
        ValidatorSchedule schedule = s.validatorSchedule();
        Optional<Refusal> invalid = check(schedule.target(), v);
        if (invalid.isPresent()) {
            return invalid;
        }
        votes = votes.with(ctx.sender());
        int approvals = 0;
        for (Validator val : inForce.validators()) {
            approvals += votes.voters().contains(val.address()) ? 1 : 0;
        }
        if (approvals >= inForce.quorum()) {
            long base = effectiveBase(ctx.height(), ctx.genesis().params().checkpointInterval());
            if (schedule.pending().isPresent() && schedule.pending().get().base() != base) {
                return Optional.of(Refusal.of(Refusal.Code.EPOCH_BOUNDARY, "validator proposal " + id + " reached its quorum at checkpoint height "
                        + ctx.height() + ", where the change approved earlier takes over; send this vote again in a later block"));
            }
            s.put(schedule.withPending(new ValidatorEpoch(base, changed(schedule.target(), v))));
            votes = new Votes(votes.voters(), true);
        }
        s.put(id, votes);
        return Optional.empty();
    }

    /** Whether {@code v} can be applied to {@code target}; the refusal says why not. */
    static Optional<Refusal> check(ValidatorSet target, ValidatorVote v) {
        if (v.action() == ValidatorVote.Action.ADD) {
            if (target.contains(v.validator())) {
                return Optional.of(Refusal.of(Refusal.Code.VALIDATOR_EXISTS, "validator " + v.validator() + " is already in the validator set"));
            }
            if (target.size() >= ValidatorSet.MAX_VALIDATORS) {
                return Optional.of(Refusal.of(Refusal.Code.TOO_MANY_VALIDATORS, "the validator set already holds the most validators allowed ("
                        + ValidatorSet.MAX_VALIDATORS + ")"));
            }
        } else {
            if (!target.contains(v.validator())) {
                return Optional.of(Refusal.of(Refusal.Code.NOT_A_VALIDATOR, "key " + v.validator() + " is not in the validator set"));
            }
            if (target.size() == 1) {
                return Optional.of(Refusal.of(Refusal.Code.LAST_VALIDATOR, "removing " + v.validator() + " would leave no validator"));
            }
        }
        return Optional.empty();
    }

    /** The first checkpoint height strictly above {@code height}: the base of an epoch approved in that block. */
    static long effectiveBase(long height, long checkpointInterval) {
        return Math.multiplyExact(height / checkpointInterval + 1, checkpointInterval);
    }

    /** {@code target} with the change: an addition goes last, a removal keeps the others' order (order fixes primary rotation). */
    private static ValidatorSet changed(ValidatorSet target, ValidatorVote v) {
        List<Validator> out = new ArrayList<>(target.validators());
        if (v.action() == ValidatorVote.Action.ADD) {
            out.add(v.asValidator());
        } else {
            out.removeIf(x -> x.publicKey().equals(v.validator()));
        }
        return new ValidatorSet(out);
    }

    /**
     * At the start of the block at {@code height}: makes the pending epoch current if it starts here, and
     * checks that the caller's idea of the set in force (which signed the block's certificate and checked
     * its proposer) is the state's. Returns the schedule in force for the block.
     */
    static ValidatorSchedule promoteIfDue(Overlay s, long height, ValidatorSet expected) {
        ValidatorSchedule schedule = s.validatorSchedule();
        if (schedule.promotesAt(height)) {
            schedule = schedule.promoted();
            s.put(schedule);
        }
        if (!schedule.current().validators().equals(expected)) {
            throw new IllegalArgumentException("block " + height + " was given the validator set " + expected
                    + " but the state has " + schedule.current().validators() + " in force");
        }
        return schedule;
    }
}
