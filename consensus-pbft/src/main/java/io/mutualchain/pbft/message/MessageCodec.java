package io.mutualchain.pbft.message;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CodecException;
import io.mutualchain.core.codec.Decoding;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.PublicKey;
import io.mutualchain.core.crypto.Signature;
import java.util.List;
import java.util.function.Function;

/**
 * Strict decoder of top-level PBFT messages. Every list is bounded by the chain's own sizes
 * (validator count, watermark window), so a hostile peer cannot make the decoder allocate more than
 * a legitimate message would need. Throws only {@link CodecException}.
 *
 * @param maxSigners  most signatures in one quorum list: the validator count
 * @param maxPrepared most prepared certificates in one VIEW-CHANGE or pre-prepares in one NEW-VIEW: L
 */
public record MessageCodec(int maxSigners, int maxPrepared) {
    public MessageCodec {
        if (maxSigners < 1 || maxPrepared < 1) {
            throw new IllegalArgumentException("codec bounds must be positive");
        }
    }

    public Signed<? extends PbftMessage> decode(byte[] bytes) {
        return Decoding.strict(bytes, "pbft message", r -> {
            int tag = r.u8("pbft.tag");
            MessageType type = MessageType.ofTag(tag).orElseThrow(() -> new CodecException("unknown pbft message tag " + tag));
            return switch (type) {
                case PRE_PREPARE -> signed(r, this::prePrepare);
                case PREPARE -> signed(r, this::prepare);
                case COMMIT -> signed(r, this::commit);
                case CHECKPOINT -> signed(r, this::checkpoint);
                case VIEW_CHANGE -> signed(r, this::viewChange);
                case NEW_VIEW -> signed(r, this::newView);
            };
        });
    }

    private static <T extends PbftMessage> Signed<T> signed(CanonicalReader r, Function<CanonicalReader, T> body) {
        T b = body.apply(r);
        return new Signed<>(b, PublicKey.read(r, "pbft.signer"), Signature.read(r, "pbft.signature"));
    }

    private PrePrepare prePrepare(CanonicalReader r) {
        return new PrePrepare(r.uint("pp.view", Long.MAX_VALUE), r.uint("pp.height", Long.MAX_VALUE), Block.read(r));
    }

    private Prepare prepare(CanonicalReader r) {
        return new Prepare(r.uint("prepare.view", Long.MAX_VALUE), r.uint("prepare.height", Long.MAX_VALUE), Hash32.read(r, "prepare.hash"));
    }

    private Commit commit(CanonicalReader r) {
        return new Commit(r.uint("commit.view", Long.MAX_VALUE), r.uint("commit.height", Long.MAX_VALUE), Hash32.read(r, "commit.hash"));
    }

    private Checkpoint checkpoint(CanonicalReader r) {
        return new Checkpoint(r.uint("checkpoint.height", Long.MAX_VALUE), Hash32.read(r, "checkpoint.blockHash"),
                Hash32.read(r, "checkpoint.stateRoot"));
    }

    private CheckpointProof checkpointProof(CanonicalReader r) {
        long height = r.uint("proof.height", Long.MAX_VALUE);
        Hash32 block = Hash32.read(r, "proof.blockHash");
        Hash32 root = Hash32.read(r, "proof.stateRoot");
        List<Signed<Checkpoint>> sigs = r.list("proof.signatures", maxSigners, rr -> signed(rr, this::checkpoint));
        return new CheckpointProof(height, block, root, sigs);
    }

    private PrePrepareDigest prePrepareDigest(CanonicalReader r) {
        return new PrePrepareDigest(r.uint("pp.view", Long.MAX_VALUE), r.uint("pp.height", Long.MAX_VALUE), Hash32.read(r, "pp.hash"));
    }

    private PreparedCert preparedCert(CanonicalReader r) {
        Signed<PrePrepareDigest> pp = signed(r, this::prePrepareDigest);
        List<Signed<Prepare>> prepares = r.list("cert.prepares", maxSigners, rr -> signed(rr, this::prepare));
        return new PreparedCert(pp, prepares);
    }

    private ViewChange viewChange(CanonicalReader r) {
        long view = r.uint("vc.view", Long.MAX_VALUE);
        CheckpointProof proof = checkpointProof(r);
        List<PreparedCert> certs = r.list("vc.prepared", maxPrepared, this::preparedCert);
        List<Block> bodies = r.list("vc.bodies", maxPrepared, Block::read);
        return new ViewChange(view, proof, certs, bodies);
    }

    private NewView newView(CanonicalReader r) {
        long view = r.uint("nv.view", Long.MAX_VALUE);
        List<Signed<ViewChange>> vcs = r.list("nv.viewChanges", maxSigners, rr -> signed(rr, this::viewChange));
        List<Signed<PrePrepare>> pps = r.list("nv.prePrepares", maxPrepared, rr -> signed(rr, this::prePrepare));
        return new NewView(view, vcs, pps);
    }

    /** Decodes a prepared certificate and its block as stored by the engine itself (restart). */
    public PreparedBlock decodePreparedBlock(byte[] bytes) {
        return Decoding.strict(bytes, "prepared block", rr -> new PreparedBlock(preparedCert(rr), Block.read(rr)));
    }

    public CheckpointProof decodeCheckpointProof(byte[] bytes) {
        return Decoding.strict(bytes, "checkpoint proof", this::checkpointProof);
    }

    public Signed<Checkpoint> decodeSignedCheckpoint(byte[] bytes) {
        return Decoding.strict(bytes, "signed checkpoint", rr -> signed(rr, this::checkpoint));
    }

    public Signed<PrePrepare> decodeSignedPrePrepare(byte[] bytes) {
        return Decoding.strict(bytes, "signed pre-prepare", rr -> signed(rr, this::prePrepare));
    }
}
