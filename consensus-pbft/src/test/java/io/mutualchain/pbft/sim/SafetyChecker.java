package io.mutualchain.pbft.sim;

import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.pbft.CommittedBlock;
import io.mutualchain.pbft.message.Commit;
import io.mutualchain.pbft.message.PbftMessage;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Prepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.SignatureVerifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The safety oracle. Honest replicas only: (1) no two commit different blocks at one height;
 * (2) every committed block carries a valid commit certificate (quorum of distinct validators of the
 * set in force at its height, every
 * signature verifies over the CommitVote bytes); (3) each replica's chain links to its previous
 * block, so committed chains are prefixes of each other; (4) an honest replica never sends two
 * different PRE-PREPAREs, PREPAREs or COMMITs for one view and height, even across crashes;
 * (5) an honest replica signs no vote for a height above the bound it has made durable first (the
 * daemon's head marker), so a store rebuilt from peers would keep it silent wherever it may have voted.
 */
final class SafetyChecker {
    private final String chainId;
    private final LongFunction<ValidatorSet> validatorsAt;
    private final SignatureVerifier verifier;
    private final TreeMap<Long, Hash32> decided = new TreeMap<>();
    private final Map<String, Hash32> sentVotes = new HashMap<>();

    /** @param validatorsAt the validator set in force at a height (it changes at epoch boundaries) */
    SafetyChecker(String chainId, LongFunction<ValidatorSet> validatorsAt, SignatureVerifier verifier) {
        this.chainId = chainId;
        this.validatorsAt = validatorsAt;
        this.verifier = verifier;
    }

    Optional<String> onCommit(SimNode node, CommittedBlock cb, Hash32 expectedParent) {
        long h = cb.height();
        Optional<String> cert = checkCertificate(cb.certificate(), cb.block().hash(), h);
        if (cert.isPresent()) {
            return Optional.of("node " + node.instance + " committed height " + h + " with a bad certificate: " + cert.get());
        }
        if (!cb.block().header().prevHash().equals(expectedParent)) {
            return Optional.of("node " + node.instance + " committed height " + h + " whose parent is not its previous block");
        }
        Hash32 prev = decided.putIfAbsent(h, cb.block().hash());
        if (prev != null && !prev.equals(cb.block().hash())) {
            return Optional.of("two honest replicas committed different blocks at height " + h + " (node " + node.instance + ")");
        }
        return Optional.empty();
    }

    Optional<String> checkCertificate(CommitCertificate c, Hash32 hash, long height) {
        if (!c.blockHash().equals(hash) || c.height() != height) {
            return Optional.of("certificate is for another block");
        }
        ValidatorSet validators = validatorsAt.apply(height);
        if (c.signatures().size() < validators.quorum()) {
            return Optional.of("certificate has " + c.signatures().size() + " signatures; quorum is " + validators.quorum());
        }
        byte[] msg = CommitVote.signingBytes(chainId, c.view(), c.height(), c.blockHash());
        for (ValidatorSignature s : c.signatures()) {
            if (!validators.contains(s.validator()) || !verifier.verify(s.validator(), msg, s.signature())) {
                return Optional.of("certificate signature does not verify");
            }
        }
        return Optional.empty();
    }

    Optional<String> onHonestMessage(SimNode node, Signed<? extends PbftMessage> m) {
        String kind;
        long view;
        long height;
        Hash32 hash;
        if (m.body() instanceof PrePrepare pp) {
            kind = "PRE-PREPARE";
            view = pp.view();
            height = pp.height();
            hash = pp.blockHash();
        } else if (m.body() instanceof Prepare p) {
            kind = "PREPARE";
            view = p.view();
            height = p.height();
            hash = p.blockHash();
        } else if (m.body() instanceof Commit c) {
            kind = "COMMIT";
            view = c.view();
            height = c.height();
            hash = c.blockHash();
        } else {
            return Optional.empty();
        }
        String key = node.index + "/" + kind + "/" + view + "/" + height;
        Hash32 prev = sentVotes.putIfAbsent(key, hash);
        if (prev != null && !prev.equals(hash)) {
            return Optional.of("honest validator " + node.index + " sent two different " + kind + "s for view " + view
                    + " height " + height + " (crashes so far: " + node.crashes + ")");
        }
        return Optional.empty();
    }

    /** (5): a vote {@code node} signed and is sending, against its durable signable-through bound. */
    Optional<String> onSigned(SimNode node, Signed<? extends PbftMessage> m, long signableThrough) {
        long height;
        if (m.body() instanceof PrePrepare pp) {
            height = pp.height();
        } else if (m.body() instanceof Prepare p) {
            height = p.height();
        } else if (m.body() instanceof Commit c) {
            height = c.height();
        } else {
            // A CHECKPOINT is over applied state, which any honest replica signs alike, and may be for a
            // height applied by sync far above the window: it cannot contradict anything, so it needs no cover.
            return Optional.empty();
        }
        if (height > signableThrough) {
            return Optional.of("honest validator " + node.index + " sent a " + m.body().type() + " for height " + height
                    + " above its durable signable-through bound " + signableThrough);
        }
        return Optional.empty();
    }

    long decidedHeight() {
        return decided.isEmpty() ? 0 : decided.lastKey();
    }
}
