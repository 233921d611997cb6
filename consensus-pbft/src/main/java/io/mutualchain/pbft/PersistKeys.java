package io.mutualchain.pbft;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;

/**
 * Names and encodings of what the engine persists. Heights are zero-padded to 20 digits so that
 * byte order is height order. Everything is written before the message it protects is sent:
 * <ul>
 *   <li>{@code pbft/view}: current view and whether it is active (before VIEW-CHANGE / NEW-VIEW / any vote in it);</li>
 *   <li>{@code pbft/pp/H}: the primary's signed pre-prepare for height H (before sending it);</li>
 *   <li>{@code pbft/p/H}, {@code pbft/c/H}: view and hash of the PREPARE / COMMIT sent for H;</li>
 *   <li>{@code pbft/cert/H}: the prepared certificate for H and its block (before the COMMIT it justifies), so a
 *       restarted replica's VIEW-CHANGE still carries it;</li>
 *   <li>{@code pbft/ckpt}: the stable checkpoint proof;</li>
 *   <li>{@code pbft/mycp}: this replica's latest signed CHECKPOINT (re-sent after a restart);</li>
 *   <li>{@code pbft/epoch}: the epoch base these records belong to (absent means 0, genesis); records of
 *       another epoch are deleted on start.</li>
 * </ul>
 * Records at or below the stable checkpoint are deleted when it advances.
 */
final class PersistKeys {
    static final String VIEW = PersistOp.PREFIX + "view";
    static final String CHECKPOINT = PersistOp.PREFIX + "ckpt";
    static final String PRE_PREPARE = PersistOp.PREFIX + "pp/";
    static final String PREPARE = PersistOp.PREFIX + "p/";
    static final String COMMIT = PersistOp.PREFIX + "c/";
    static final String CERT = PersistOp.PREFIX + "cert/";
    static final String MY_CHECKPOINT = PersistOp.PREFIX + "mycp";
    static final String EPOCH = PersistOp.PREFIX + "epoch";

    record Vote(long view, Hash32 hash) {
    }

    record ViewState(long view, boolean active) {
    }

    private PersistKeys() {
    }

    static String at(String prefix, long height) {
        return prefix + String.format("%020d", height);
    }

    static long heightOf(String key, String prefix) {
        return Long.parseLong(key.substring(prefix.length()));
    }

    static byte[] encodeVote(Vote v) {
        CanonicalWriter w = new CanonicalWriter(48);
        w.uint(v.view());
        v.hash().write(w);
        return w.toByteArray();
    }

    static Vote decodeVote(byte[] b) {
        return Decoding.strict(b, "vote record", r -> new Vote(r.uint("vote.view", Long.MAX_VALUE), Hash32.read(r, "vote.hash")));
    }

    static byte[] encodeNested(io.mutualchain.pbft.message.Signed<?> s) {
        CanonicalWriter w = new CanonicalWriter(256);
        s.writeNested(w);
        return w.toByteArray();
    }

    static byte[] encodeCert(io.mutualchain.pbft.message.PreparedBlock c) {
        CanonicalWriter w = new CanonicalWriter(512);
        c.write(w);
        return w.toByteArray();
    }

    static byte[] encodeProof(io.mutualchain.pbft.message.CheckpointProof p) {
        CanonicalWriter w = new CanonicalWriter(256);
        p.write(w);
        return w.toByteArray();
    }

    static byte[] encodeView(ViewState s) {
        return new CanonicalWriter(16).uint(s.view()).bool(s.active()).toByteArray();
    }

    static ViewState decodeView(byte[] b) {
        return Decoding.strict(b, "view record", (CanonicalReader r) -> new ViewState(r.uint("view", Long.MAX_VALUE), r.bool("active")));
    }

    static byte[] encodeEpoch(long base) {
        return new CanonicalWriter(10).uint(base).toByteArray();
    }

    static long decodeEpoch(byte[] b) {
        return Decoding.strict(b, "epoch record", (CanonicalReader r) -> r.uint("epoch", Long.MAX_VALUE));
    }
}
