package io.mutualchain.pbft;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.genesis.ValidatorSet;
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
 * NEW-VIEW must carry. Pure: everything it needs is passed in; every failure is a reason string.
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

    Optional<String> checkpointProof(CheckpointProof p) {
        long base = config.epochBase();
        if (p.height() < base) {
            return Optional.of("checkpoint proof at " + p.height() + " is from before this epoch (it starts after " + base + ")");
        }
        if (p.height() == base) {
            // Only the unsigned base proof is valid here: a signed proof at this height is the previous epoch's.
            return p.equals(CheckpointProof.base(base)) ? Optional.empty()
                    : Optional.of("the checkpoint proof at the epoch base " + base + " must be the empty base proof");
        }
        if (p.height() > horizon.getAsLong()) {
            return Optional.of("checkpoint proof at " + p.height() + " may belong to the next epoch (this one is certain only up to "
                    + horizon.getAsLong() + ")");
        }
        if (p.height() % config.checkpointInterval() != 0) {
            return Optional.of("checkpoint height " + p.height() + " is not a multiple of K");
        }
        Set<PublicKey> seen = new HashSet<>();
        Checkpoint expected = new Checkpoint(p.height(), p.blockHash(), p.stateRoot());
        for (Signed<Checkpoint> s : p.signatures()) {
            if (!s.body().equals(expected)) {
                return Optional.of("checkpoint proof mixes different checkpoints");
            }
            if (!seen.add(s.signer())) {
                return Optional.of("checkpoint proof lists a signer twice");
            }
            if (!signatureOk(s)) {
                return Optional.of("checkpoint signature does not verify");
            }
        }
        if (seen.size() < quorums.q) {
            return Optional.of("checkpoint proof has " + seen.size() + " signatures, needs " + quorums.q);
        }
        return Optional.empty();
    }

    Optional<String> preparedCert(PreparedCert c, long belowView, long low) {
        PrePrepareDigest pp = c.prePrepare().body();
        if (pp.view() >= belowView) {
            return Optional.of("prepared certificate from view " + pp.view() + " is not below " + belowView);
        }
        if (pp.height() <= low || pp.height() > low + config.watermarkWindow()) {
            return Optional.of("prepared certificate height " + pp.height() + " is outside the window");
        }
        PublicKey primary = validators.primaryOf(pp.view());
        if (!c.prePrepare().signer().equals(primary) || !signatureOk(c.prePrepare())) {
            return Optional.of("prepared certificate pre-prepare is not signed by the primary of view " + pp.view());
        }
        Prepare expected = new Prepare(pp.view(), pp.height(), pp.blockHash());
        Set<PublicKey> seen = new HashSet<>();
        for (Signed<Prepare> p : c.prepares()) {
            if (!p.body().equals(expected) || p.signer().equals(primary) || !seen.add(p.signer()) || !signatureOk(p)) {
                return Optional.of("prepared certificate has a prepare that does not match or verify");
            }
        }
        if (seen.size() < quorums.prepares) {
            return Optional.of("prepared certificate has " + seen.size() + " prepares, needs " + quorums.prepares);
        }
        return Optional.empty();
    }

    Optional<String> viewChange(Signed<ViewChange> s) {
        if (!signatureOk(s)) {
            return Optional.of("view change signature does not verify");
        }
        ViewChange vc = s.body();
        Optional<String> proof = checkpointProof(vc.stable());
        if (proof.isPresent()) {
            return proof;
        }
        long last = vc.stable().height();
        for (PreparedCert c : vc.prepared()) {
            if (c.height() <= last) {
                return Optional.of("prepared certificates must be in increasing height order");
            }
            last = c.height();
            if (c.height() > horizon.getAsLong()) {
                return Optional.of("prepared certificate at " + c.height() + " may belong to the next epoch (this one is certain only up to "
                        + horizon.getAsLong() + ")");
            }
            Optional<String> bad = preparedCert(c, vc.newView(), vc.stable().height());
            if (bad.isPresent()) {
                return bad;
            }
        }
        Set<Long> bodyHeights = new HashSet<>();
        for (Block body : vc.bodies()) {
            Optional<PreparedCert> cert = vc.prepared().stream()
                    .filter(c -> c.height() == body.height() && c.blockHash().equals(body.hash())).findFirst();
            if (cert.isEmpty() || !bodyHeights.add(body.height())) {
                return Optional.of("view change carries a block that none of its certificates names");
            }
            Optional<String> bad = rules.check(body, body.height(), cert.get().view(), true);
            if (bad.isPresent()) {
                return Optional.of("view change carries an invalid block: " + bad.get());
            }
        }
        return Optional.empty();
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

    Optional<String> newView(Signed<NewView> s) {
        NewView nv = s.body();
        if (!s.signer().equals(validators.primaryOf(nv.view())) || !signatureOk(s)) {
            return Optional.of("new view is not signed by the primary of view " + nv.view());
        }
        Set<PublicKey> senders = new HashSet<>();
        for (Signed<ViewChange> vc : nv.viewChanges()) {
            if (vc.body().newView() != nv.view()) {
                return Optional.of("new view carries a view change for view " + vc.body().newView());
            }
            if (!senders.add(vc.signer())) {
                return Optional.of("new view carries two view changes from one replica");
            }
            Optional<String> bad = viewChange(vc);
            if (bad.isPresent()) {
                return Optional.of("new view carries an invalid view change: " + bad.get());
            }
        }
        if (senders.size() < quorums.q) {
            return Optional.of("new view carries " + senders.size() + " view changes, needs " + quorums.q);
        }
        Plan plan = plan(nv.viewChanges());
        if (plan.slots().size() != nv.prePrepares().size()) {
            return Optional.of("new view re-proposes " + nv.prePrepares().size() + " blocks, the view changes require " + plan.slots().size());
        }
        for (int i = 0; i < plan.slots().size(); i++) {
            Signed<PrePrepare> pp = nv.prePrepares().get(i);
            Reproposal expected = plan.slots().get(i);
            if (pp.body().view() != nv.view() || pp.body().height() != expected.height()
                    || !pp.body().blockHash().equals(expected.hash()) || !pp.signer().equals(s.signer()) || !signatureOk(pp)) {
                return Optional.of("new view pre-prepare for height " + expected.height() + " does not match the view changes");
            }
            Optional<String> bad = rules.check(pp.body().block(), expected.height(), nv.view(), true);
            if (bad.isPresent()) {
                return Optional.of("new view re-proposes an invalid block: " + bad.get());
            }
        }
        return Optional.empty();
    }

    /** Same semantics as {@link CommitCertificate#verify}, through the configured verifier. */
    Optional<String> commitCertificate(CommitCertificate c, Block block) {
        if (!c.blockHash().equals(block.hash()) || c.height() != block.height()) {
            return Optional.of("certificate is not for this block");
        }
        if (c.signatures().size() < quorums.q) {
            return Optional.of("certificate has " + c.signatures().size() + " signatures; the quorum is " + quorums.q);
        }
        byte[] msg = CommitVote.signingBytes(config.chainId(), c.view(), c.height(), c.blockHash());
        for (ValidatorSignature s : c.signatures()) {
            if (!validators.contains(s.validator()) || !config.verifier().verify(s.validator(), msg, s.signature())) {
                return Optional.of("certificate signature of " + s.validator() + " does not verify");
            }
        }
        return Optional.empty();
    }
}
