package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.Committee;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.tx.GovernanceVote;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.types.Mtn;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.model.Votes;
import java.util.Optional;

/**
 * Governance votes. Voters are committee members and validators (by the address of their key). A
 * role change is carried out when the committee members among the voters reach the committee's
 * threshold, or the validators among them reach the validator quorum (2f + 1); a transfer out of the
 * committee's account only by the committee's threshold. The vote that reaches the threshold carries
 * the proposal out in the same transaction; later votes are refused.
 */
final class GovernanceRules {
    private GovernanceRules() {
    }

    static Optional<Refusal> vote(Overlay s, TxContext ctx, GovernanceVote v) {
        Committee committee = ctx.genesis().setup().committee();
        PublicKey key = ctx.senderKey();
        boolean isCommittee = committee.isMember(key);
        boolean isValidator = ctx.validators().contains(key);
        boolean counts = v.action() == GovernanceVote.Action.COMMITTEE_TRANSFER ? isCommittee : isCommittee || isValidator;
        if (!counts) {
            return Optional.of(Refusal.of(Refusal.Code.NOT_AUTHORISED, "sender " + ctx.sender() + " may not vote on "
                    + v.action() + (v.action() == GovernanceVote.Action.COMMITTEE_TRANSFER ? " (committee members only)" : " (committee members and validators only)")));
        }
        Hash32 id = v.proposalId();
        Votes votes = s.votes(id);
        if (votes.executed()) {
            return Optional.of(Refusal.of(Refusal.Code.PROPOSAL_DONE, "proposal " + id + " has already been carried out"));
        }
        if (votes.voters().contains(ctx.sender())) {
            return Optional.of(Refusal.of(Refusal.Code.ALREADY_VOTED, ctx.sender() + " has already voted for proposal " + id));
        }
        votes = votes.with(ctx.sender());
        int committeeVotes = 0;
        for (PublicKey m : committee.members()) {
            committeeVotes += votes.voters().contains(Address.of(m)) ? 1 : 0;
        }
        int validatorVotes = 0;
        for (Validator val : ctx.validators().validators()) {
            validatorVotes += votes.voters().contains(val.address()) ? 1 : 0;
        }
        boolean byCommittee = committee.exists() && committeeVotes >= committee.threshold();
        boolean byValidators = v.action() != GovernanceVote.Action.COMMITTEE_TRANSFER && validatorVotes >= ctx.validators().quorum();
        if (byCommittee || byValidators) {
            Optional<Refusal> done = carryOut(s, committee, v);
            if (done.isPresent()) {
                return done;
            }
            votes = new Votes(votes.voters(), true);
        }
        s.put(id, votes);
        return Optional.empty();
    }

    private static Optional<Refusal> carryOut(Overlay s, Committee committee, GovernanceVote v) {
        switch (v.action()) {
            case GRANT_ROLE -> {
                Account a = s.account(v.target());
                s.put(v.target(), a.withRoles(a.roles() | v.role().bit()));
            }
            case REVOKE_ROLE -> {
                Account a = s.account(v.target());
                s.put(v.target(), a.withRoles(a.roles() & ~v.role().bit()));
            }
            case COMMITTEE_TRANSFER -> {
                long held = s.account(committee.address()).balance();
                if (held < v.amount()) {
                    return Optional.of(Refusal.of(Refusal.Code.COMMITTEE_FUNDS, "the committee account holds " + Mtn.format(held)
                            + " MTN, less than the " + Mtn.format(v.amount()) + " MTN approved"));
                }
                s.credit(committee.address(), -v.amount());
                s.credit(v.target(), v.amount());
            }
        }
        return Optional.empty();
    }
}
