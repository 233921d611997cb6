package io.mutualchain.pbft;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.pbft.message.Checkpoint;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.Signed;
import java.util.List;

/**
 * A replica that missed the others' CHECKPOINTs (it was down when they were sent) and the signed
 * checkpoint proof it meets later inside their VIEW-CHANGEs and NEW-VIEWs. n = 4 and K = 2, so a
 * fresh replica's horizon is height 2; the proof's height decides whether it is inside or above.
 */
final class LaggardFixture {
    final TestChain chain = new TestChain(4, 2, 6);
    final long proofHeight;
    final Hash32 blockAtProof;
    final Hash32 rootAtProof;

    LaggardFixture(long proofHeight) {
        this.proofHeight = proofHeight;
        this.blockAtProof = Sha256.hash(new byte[] {(byte) proofHeight});
        this.rootAtProof = Sha256.hash(new byte[] {(byte) (proofHeight * 11)});
    }

    /** Validator 3, fresh at height 0, its start-up Ready handled. */
    PbftEngine laggard() {
        PbftEngine e = chain.engine(3, b -> Verdict.VALID);
        if (e.hasReady()) {
            e.advance(e.ready());
        }
        return e;
    }

    Signed<Checkpoint> checkpoint(int signer) {
        return Signed.sign(new Checkpoint(proofHeight, blockAtProof, rootAtProof), chain.keys.get(signer), TestChain.CHAIN_ID);
    }

    CheckpointProof proofSignedBy(List<Signed<Checkpoint>> signatures) {
        return new CheckpointProof(proofHeight, blockAtProof, rootAtProof, signatures);
    }

    /** The proof validators 0, 1 and 2 (a quorum of four) sign. */
    CheckpointProof quorumProof() {
        return proofSignedBy(List.of(checkpoint(0), checkpoint(1), checkpoint(2)));
    }

    static List<SyncRequest> syncRequests(PbftEngine e) {
        return e.hasReady() ? e.ready().syncRequests() : List.of();
    }
}
