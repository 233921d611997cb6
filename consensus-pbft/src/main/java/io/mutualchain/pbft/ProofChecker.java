package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.NewView;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.PrePrepareDigest;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.PreparedCert;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.TreeMap;

/**
 * Verifies the certificates nested in messages (paper §4.3, §4.4) and computes the pre-prepares a
 * NEW-VIEW must carry. Pure: everything it needs is passed in; every failure is a {@link Validation.Refused}
 * with a {@link ProofCode} (or the code of the block or certificate check it delegates to).
 */
final class ProofChecker {
    /** What a NEW-VIEW for a set of VIEW-CHANGEs must contain: from which checkpoint, and which block hash per height. */
    record Plan(CheckpointProof stable, List<Reproposal> slots) {
    }

    /** One re-proposal: the block with {@code hash} at {@code height}. */
    record Reproposal(long height, io.mutualchain.core.crypto.Hash32 hash) {
    }

    private final PbftConfig config;
    private final ValidatorSet validators;
    private final Quorums quorums;
    private final BlockRules rules;
    /** The highest height certainly in this epoch (see PbftEngine#epochHorizon); no proof may reach above it. */
    private final LongSupplier horizon;

    ProofChecker(PbftConfig config, ValidatorSet validators, Quorums quorums, BlockRules rules, LongSupplier horizon) {
        this.config = config;
        this.horizon = horizon;
        this.validators = validators;
        this.quorums = quorums;
        this.rules = rules;
    }

    boolean signatureOk(Signed<?> s) {
        return validators.contains(s.signer()) && s.verify(config.chainId(), config.verifier());
    }

    Validation checkpointProof(CheckpointProof p) {
        long base = config.epochBase();
        if (p.height() < base) {
            return Validation.refused(ProofCode.CHECKPOINT_BEFORE_EPOCH,
                    "checkpoint proof at " + p.height() + " is from before this epoch (it starts after " + base + ")");
        }
        if (p.height() == base) {
            // Only the unsigned base proof is valid here: a signed proof at this height is the previous epoch's.
            return p.equals(CheckpointProof.base(base)) ? Validation.valid()
                    : Validation.refused(ProofCode.CHECKPOINT_AT_BASE_NOT_EMPTY,
                            "the checkpoint proof at the epoch base " + base + " must be the empty base proof");
        }
        if (p.height() > horizon.getAsLong()) {
            return Validation.refused(ProofCode.CHECKPOINT_BEYOND_HORIZON,
                    "checkpoint proof at " + p.height() + " may belong to the next epoch (this one is certain only up to "
                    + horizon.getAsLong() + ")");
        }
        if (p.height() % config.checkpointInterval() != 0) {
            return Validation.refused(ProofCode.CHECKPOINT_OFF_INTERVAL, "checkpoint height " + p.height() + " is not a multiple of K");
        }
        Set<PublicKey> seen = new HashSet<>();
        Checkpoint expected = new Checkpoint(p.height(), p.blockHash(), p.stateRoot());
        for (Signed<Checkpoint> s : p.signatures()) {
            if (!s.body().equals(expected)) {
                return Validation.refused(ProofCode.CHECKPOINT_MIXED, "checkpoint proof mixes different checkpoints");
            }
            if (!seen.add(s.signer())) {
                return Validation.refused(ProofCode.CHECKPOINT_SIGNER_TWICE, "checkpoint proof lists a signer twice");
            }
            if (!signatureOk(s)) {
                return Validation.refused(ProofCode.CHECKPOINT_BAD_SIGNATURE, "checkpoint signature does not verify");
            }
        }
        if (seen.size() < quorums.q) {
            return Validation.refused(ProofCode.CHECKPOINT_BELOW_QUORUM,
                    "checkpoint proof has " + seen.size() + " signatures, needs " + quorums.q);
        }
        return Validation.valid();
    }

    Validation preparedCert(PreparedCert c, long belowView, long low) {
        PrePrepareDigest pp = c.prePrepare().body();
        if (pp.view() >= belowView) {
            return Validation.refused(ProofCode.PREPARED_VIEW_NOT_BELOW,
                    "prepared certificate from view " + pp.view() + " is not below " + belowView);
        }
        if (pp.height() <= low || pp.height() > low + config.watermarkWindow()) {
            return Validation.refused(ProofCode.PREPARED_OUTSIDE_WINDOW,
                    "prepared certificate height " + pp.height() + " is outside the window");
        }
        PublicKey primary = validators.primaryOf(pp.view());
        if (!c.prePrepare().signer().equals(primary) || !signatureOk(c.prePrepare())) {
            return Validation.refused(ProofCode.PREPARED_NOT_BY_PRIMARY,
                    "prepared certificate pre-prepare is not signed by the primary of view " + pp.view());
        }
        Prepare expected = new Prepare(pp.view(), pp.height(), pp.blockHash());
        Set<PublicKey> seen = new HashSet<>();
        for (Signed<Prepare> p : c.prepares()) {
            if (!p.body().equals(expected) || p.signer().equals(primary) || !seen.add(p.signer()) || !signatureOk(p)) {
                return Validation.refused(ProofCode.PREPARED_BAD_PREPARE,
                        "prepared certificate has a prepare that does not match or verify");
            }
        }
        if (seen.size() < quorums.prepares) {
            return Validation.refused(ProofCode.PREPARED_BELOW_QUORUM,
                    "prepared certificate has " + seen.size() + " prepares, needs " + quorums.prepares);
        }
        return Validation.valid();
    }

    Validation viewChange(Signed<ViewChange> s) {
        if (!signatureOk(s)) {
            return Validation.refused(ProofCode.VIEW_CHANGE_BAD_SIGNATURE, "view change signature does not verify");
        }
        ViewChange vc = s.body();
        Validation proof = checkpointProof(vc.stable());
        if (!proof.isOk()) {
            return proof;
        }
        long last = vc.stable().height();
        for (PreparedCert c : vc.prepared()) {
            if (c.height() <= last) {
                return Validation.refused(ProofCode.VIEW_CHANGE_UNORDERED, "prepared certificates must be in increasing height order");
            }
            last = c.height();
            if (c.height() > horizon.getAsLong()) {
                return Validation.refused(ProofCode.PREPARED_BEYOND_HORIZON,
                        "prepared certificate at " + c.height() + " may belong to the next epoch (this one is certain only up to "
                        + horizon.getAsLong() + ")");
            }
            Validation bad = preparedCert(c, vc.newView(), vc.stable().height());
            if (!bad.isOk()) {
                return bad;
            }
        }
        Set<Long> bodyHeights = new HashSet<>();
        for (Block body : vc.bodies()) {
            Optional<PreparedCert> cert = vc.prepared().stream()
                    .filter(c -> c.height() == body.height() && c.blockHash().equals(body.hash())).findFirst();
            if (cert.isEmpty() || !bodyHeights.add(body.height())) {
                return Validation.refused(ProofCode.VIEW_CHANGE_STRAY_BODY,
                        "view change carries a block that none of its certificates names");
            }
            Validation bad = rules.check(body, body.height(), cert.get().view(), true);
            if (!bad.isOk()) {
                return bad.within("view change carries an invalid block: ");
            }
        }
        return Validation.valid();
    }

    /**
     * The pre-prepares of NEW-VIEW (paper §4.4): from the highest stable checkpoint among the view
     * changes, each following height gets the block of the prepared certificate with the highest
     * view. Where no certificate exists the paper issues a null request; a block cannot be null, and
     * none is needed: an honest replica prepares height n only after applying n - 1, so nothing
     * above a height that no quorum prepared can have committed, and the plan stops at the first gap.
     */
    Plan plan(List<Signed<ViewChange>> vcs) {
        CheckpointProof stable = CheckpointProof.base(config.epochBase());
        for (Signed<ViewChange> s : vcs) {
            if (s.body().stable().height() > stable.height()) {
                stable = s.body().stable();
            }
        }
        TreeMap<Long, PreparedCert> best = new TreeMap<>();
        for (Signed<ViewChange> s : vcs) {
            for (PreparedCert c : s.body().prepared()) {
                if (c.height() <= stable.height()) {
                    continue;
                }
                PreparedCert cur = best.get(c.height());
                if (cur == null || c.view() > cur.view() || (c.view() == cur.view() && c.blockHash().compareTo(cur.blockHash()) < 0)) {
                    best.put(c.height(), c);
                }
            }
        }
        List<Reproposal> entries = new ArrayList<>();
        long next = stable.height() + 1;
        while (best.containsKey(next)) {
            entries.add(new Reproposal(next, best.get(next).blockHash()));
            next++;
        }
        return new Plan(stable, entries);
    }

    /** A body for (height, hash) carried by one of the view changes, if any. */
    static Optional<Block> bodyIn(List<Signed<ViewChange>> vcs, long height, io.mutualchain.core.crypto.Hash32 hash) {
        for (Signed<ViewChange> s : vcs) {
            for (Block b : s.body().bodies()) {
                if (b.height() == height && b.hash().equals(hash)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    Validation newView(Signed<NewView> s) {
        NewView nv = s.body();
        if (!s.signer().equals(validators.primaryOf(nv.view())) || !signatureOk(s)) {
            return Validation.refused(ProofCode.NEW_VIEW_NOT_BY_PRIMARY, "new view is not signed by the primary of view " + nv.view());
        }
        Set<PublicKey> senders = new HashSet<>();
        for (Signed<ViewChange> vc : nv.viewChanges()) {
            if (vc.body().newView() != nv.view()) {
                return Validation.refused(ProofCode.NEW_VIEW_OTHER_VIEW, "new view carries a view change for view " + vc.body().newView());
            }
            if (!senders.add(vc.signer())) {
                return Validation.refused(ProofCode.NEW_VIEW_SENDER_TWICE, "new view carries two view changes from one replica");
            }
            Validation bad = viewChange(vc);
            if (!bad.isOk()) {
                return bad.within("new view carries an invalid view change: ");
            }
        }
        if (senders.size() < quorums.q) {
            return Validation.refused(ProofCode.NEW_VIEW_BELOW_QUORUM,
                    "new view carries " + senders.size() + " view changes, needs " + quorums.q);
        }
        Plan plan = plan(nv.viewChanges());
        if (plan.slots().size() != nv.prePrepares().size()) {
            return Validation.refused(ProofCode.NEW_VIEW_WRONG_COUNT,
                    "new view re-proposes " + nv.prePrepares().size() + " blocks, the view changes require " + plan.slots().size());
        }
        for (int i = 0; i < plan.slots().size(); i++) {
            Signed<PrePrepare> pp = nv.prePrepares().get(i);
            Reproposal expected = plan.slots().get(i);
            if (pp.body().view() != nv.view() || pp.body().height() != expected.height()
                    || !pp.body().blockHash().equals(expected.hash()) || !pp.signer().equals(s.signer()) || !signatureOk(pp)) {
                return Validation.refused(ProofCode.NEW_VIEW_PRE_PREPARE_MISMATCH,
                        "new view pre-prepare for height " + expected.height() + " does not match the view changes");
            }
            Validation bad = rules.check(pp.body().block(), expected.height(), nv.view(), true);
            if (!bad.isOk()) {
                return bad.within("new view re-proposes an invalid block: ");
            }
        }
        return Validation.valid();
    }

    /** {@link CommitCertificate#verify} against this epoch's validators, through the configured verifier. */
    Validation commitCertificate(CommitCertificate c, Block block) {
        return c.verify(config.chainId(), validators.keys(), quorums.q, block.hash(), block.height(), config.verifier()::verify);
    }
}
