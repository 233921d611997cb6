package io.mutualchain.rpc.proof;

import io.mutualchain.core.bytes.Hex;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.ProofView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Follows validator-set changes from the genesis set alone. Each hand-over to an epoch with base E
 * is checked with the set trusted so far: header E (height E, this chain) is finalised by a quorum
 * of that set, the validator schedule entry is proven against header E's state root (the state
 * after E - 1), that schedule has the trusted set in force and names a set pending from E. That set
 * is then trusted for blocks E + 1 on. The walk stops at the first hand-over that fails; the epochs
 * trusted up to there stay usable.
 */
public final class ValidatorSetChain {
    /** The state key of the validator schedule: the kind byte 0x09 alone (docs/ledger.md). */
    static final byte[] VALIDATORS_STATE_KEY = {0x09};

    private ValidatorSetChain() {
    }

    /** Why a chain of hand-overs was not accepted in full; {@link #OK} when it was. */
    public enum Outcome {
        OK,
        /** The base is not above the last trusted epoch's: hand-overs must come oldest first, each once. */
        OUT_OF_ORDER,
        /** The header is not block {@code base} of this chain. */
        WRONG_HEADER,
        /** The certificate does not finalise the header with a quorum of the set trusted so far. */
        BAD_CERTIFICATE,
        /** The proof is not of the schedule entry after block {@code base - 1}, or does not hash up to the header's state root. */
        BAD_PROOF,
        /** The proven schedule has no set pending from {@code base} (or is not a schedule at all). */
        NOT_A_HANDOVER,
        /** The proven schedule has another set in force than the one trusted: an earlier hand-over is missing. */
        SKIPPED_HANDOVER,
        /** The validators the node listed differ from the proven pending set. */
        WRONG_SET
    }

    /** A set and the height after which it is in force: it certifies blocks {@code base + 1} on, until the next epoch. */
    public record TrustedEpoch(long base, ValidatorSet validators) {
        public TrustedEpoch {
            Objects.requireNonNull(validators, "validators");
        }

        public long firstHeight() {
            return base + 1;
        }
    }

    /**
     * The outcome, a sentence for people, and the epochs trusted: genesis (base 0) first, then one per
     * accepted hand-over. On a failure the list holds the epochs accepted before it.
     */
    public record Result(Outcome outcome, String message, List<TrustedEpoch> epochs) {
        public Result {
            epochs = List.copyOf(epochs);
        }

        public boolean ok() {
            return outcome == Outcome.OK;
        }

        /** The last trusted epoch: the set for every height after its base, as far as the hand-overs given show. */
        public TrustedEpoch latest() {
            return epochs.get(epochs.size() - 1);
        }

        /** The trusted set that certifies block {@code height} (>= 1): that of the last epoch whose base is below it. */
        public ValidatorSet setAt(long height) {
            if (height < 1) {
                throw new IllegalArgumentException("block heights start at 1, not " + height);
            }
            for (int i = epochs.size() - 1; i >= 0; i--) {
                if (epochs.get(i).base() < height) {
                    return epochs.get(i).validators();
                }
            }
            throw new IllegalStateException("the genesis epoch (base 0) covers every height");
        }
    }

    public static Result verify(String chainId, ValidatorSet genesisSet, List<HandoverView> handovers) {
        List<TrustedEpoch> trusted = new ArrayList<>();
        trusted.add(new TrustedEpoch(0, genesisSet));
        for (int i = 0; i < handovers.size(); i++) {
            HandoverView h = handovers.get(i);
            TrustedEpoch last = trusted.get(trusted.size() - 1);
            Refusal bad = check(chainId, last, h);
            if (bad != null) {
                return new Result(bad.outcome, "hand-over " + i + " (to epoch " + h.base() + "): " + bad.message, trusted);
            }
            trusted.add(new TrustedEpoch(h.base(), h.validators()));
        }
        return new Result(Outcome.OK, "the validator sets of " + trusted.size() + " epochs follow from the genesis set", trusted);
    }

    private record Refusal(Outcome outcome, String message) {
    }

    /** Null when {@code h} hands over from {@code last}; otherwise why not. */
    private static Refusal check(String chainId, TrustedEpoch last, HandoverView h) {
        long base = h.base();
        if (base <= last.base()) {
            return new Refusal(Outcome.OUT_OF_ORDER, "its base is not above " + last.base() + ", the base of the last trusted epoch");
        }
        if (h.header().height() != base || !h.header().chainId().equals(chainId)) {
            return new Refusal(Outcome.WRONG_HEADER, "the header is block " + h.header().height() + " of chain '" + h.header().chainId()
                    + "', not block " + base + " of '" + chainId + "'");
        }
        ProofView p = h.proof();
        if (!Arrays.equals(p.stateKey(), VALIDATORS_STATE_KEY) || p.height() != base - 1) {
            return new Refusal(Outcome.BAD_PROOF, "the proof is of state key 0x" + Hex.encode(p.stateKey()) + " after block " + p.height()
                    + ", not of the validator schedule (0x09) after block " + (base - 1));
        }
        if (!p.stateRoot().equals(h.header().stateRoot())) {
            return new Refusal(Outcome.BAD_PROOF, "the proof is against state root " + p.stateRoot() + " but header " + base
                    + " carries " + h.header().stateRoot());
        }
        ProofVerifier.Verdict v = ProofVerifier.verify(p, h.header(), h.certificate(), chainId, last.validators());
        switch (v.outcome()) {
            case OK -> {
            }
            case WRONG_HEADER -> {
                return new Refusal(Outcome.WRONG_HEADER, v.message());
            }
            case BAD_CERTIFICATE -> {
                return new Refusal(Outcome.BAD_CERTIFICATE, v.message() + " (checked with the set trusted since block " + last.base() + ")");
            }
            default -> {
                return new Refusal(Outcome.BAD_PROOF, v.outcome() + ": " + v.message());
            }
        }
        if (p.value() == null) {
            return new Refusal(Outcome.NOT_A_HANDOVER, "the proof shows no validator schedule in that state");
        }
        ScheduleEntry s;
        try {
            s = ScheduleEntry.decode(p.value());
        } catch (CodecException e) {
            return new Refusal(Outcome.NOT_A_HANDOVER, "the proven entry is not a validator schedule: " + e.getMessage());
        }
        if (s.pending().isEmpty() || s.pending().get().base() != base) {
            return new Refusal(Outcome.NOT_A_HANDOVER, "the proven schedule has "
                    + s.pending().map(e -> "a set pending from " + e.base()).orElse("no pending set") + ", not one pending from " + base);
        }
        if (s.current().base() != last.base() || !s.current().validators().equals(last.validators())) {
            return new Refusal(Outcome.SKIPPED_HANDOVER, "the proven schedule has the set of epoch " + s.current().base()
                    + " in force, not the one trusted since " + last.base() + "; the hand-over to epoch " + s.current().base() + " is missing");
        }
        if (!s.pending().get().validators().equals(h.validators())) {
            return new Refusal(Outcome.WRONG_SET, "the node lists " + h.validators() + " but the proven pending set is "
                    + s.pending().get().validators());
        }
        return null;
    }

}
