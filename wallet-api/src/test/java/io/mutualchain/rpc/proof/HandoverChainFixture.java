package io.mutualchain.rpc.proof;

import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.block.CommitCertificate;
import io.mutualchain.core.block.CommitVote;
import io.mutualchain.core.block.ValidatorSignature;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.core.genesis.ValidatorSet;
import io.mutualchain.rpc.HandoverView;
import io.mutualchain.rpc.ProofView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A chain whose validators change twice, built by the published formats (docs/ledger.md): genesis
 * a..d, then e joins from block 9 (epoch 8), then f from block 13 (epoch 12). {@link #handover}
 * makes the hand-over a node would serve: header E with the state root of a tree holding the
 * schedule, a certificate by the given signers and the schedule's proof.
 */
public final class HandoverChainFixture {
    public static final String CHAIN = "mc-handover-test";
    public final KeyPair a = key(1);
    public final KeyPair b = key(2);
    public final KeyPair c = key(3);
    public final KeyPair d = key(4);
    public final KeyPair e = key(5);
    public final KeyPair f = key(6);
    public final ValidatorSet genesis = set(List.of(a, b, c, d));
    public final ValidatorSet withE = set(List.of(a, b, c, d, e));
    public final ValidatorSet withEf = set(List.of(a, b, c, d, e, f));

    private static KeyPair key(int i) {
        byte[] s = new byte[32];
        s[0] = (byte) i;
        s[1] = 0x33;
        return KeyPair.fromSeed(s);
    }

    private static ValidatorSet set(List<KeyPair> keys) {
        List<Validator> vs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            vs.add(new Validator("v" + i, keys.get(i).publicKey()));
        }
        return new ValidatorSet(vs);
    }

    /** The schedule entry: current epoch, has-pending, pending epoch; an epoch is base then (name, key) pairs. */
    public static byte[] schedule(long currentBase, ValidatorSet current, Optional<Long> pendingBase, ValidatorSet pending) {
        CanonicalWriter w = new CanonicalWriter();
        epoch(w, currentBase, current);
        w.bool(pendingBase.isPresent());
        pendingBase.ifPresent(p -> epoch(w, p, pending));
        return w.toByteArray();
    }

    private static void epoch(CanonicalWriter w, long base, ValidatorSet set) {
        w.uint(base);
        w.list(set.validators(), (ww, v) -> {
            ww.string(v.name());
            ww.fixed(v.publicKey().toBytes());
        });
    }

    /** The hand-over to {@code base} with {@code scheduleValue} proven, header E certified by {@code signers}. */
    public HandoverView handover(long base, byte[] scheduleValue, ValidatorSet listed, KeyPair... signers) {
        TestTree tree = new TestTree();
        for (int i = 0; i < 20; i++) {
            tree.put(new byte[] {2, (byte) i, (byte) base}, ("filler-" + i).getBytes());
        }
        tree.put(ValidatorSetChain.VALIDATORS_STATE_KEY, scheduleValue);
        Hash32 root = Hash32.of(tree.root());
        BlockHeader h = header(base, root);
        ProofView p = new ProofView("validators", ValidatorSetChain.VALIDATORS_STATE_KEY, scheduleValue, base - 1, root,
                tree.prove(ValidatorSetChain.VALIDATORS_STATE_KEY));
        return new HandoverView(base, h, certify(h, signers), p, listed);
    }

    public static BlockHeader header(long height, Hash32 root) {
        return new BlockHeader(CHAIN, height, Sha256.hash(("parent-" + height).getBytes()), 1_000 * height, Sha256.hash("txs".getBytes()),
                root, Hash32.ZERO, 0, key(1).publicKey(), 0);
    }

    public static CommitCertificate certify(BlockHeader h, KeyPair... signers) {
        byte[] vote = CommitVote.signingBytes(CHAIN, 0, h.height(), h.hash());
        List<ValidatorSignature> sigs = Arrays.stream(signers).map(k -> new ValidatorSignature(k.publicKey(), k.sign(vote))).toList();
        return new CommitCertificate(0, h.height(), h.hash(), sigs);
    }

    /** The honest hand-over to epoch 8 (e joins), certified by three of the genesis four. */
    public HandoverView toEpoch8() {
        return handover(8, schedule(0, genesis, Optional.of(8L), withE), withE, a, b, c);
    }

    /** The honest hand-over to epoch 12 (f joins), certified by four of the five in force. */
    public HandoverView toEpoch12() {
        return handover(12, schedule(8, withE, Optional.of(12L), withEf), withEf, a, b, c, e);
    }
}
