package io.mutualchain.pbft;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.pbft.message.CheckpointProof;
import io.mutualchain.pbft.message.PrePrepare;
import io.mutualchain.pbft.message.Signed;
import io.mutualchain.pbft.message.ViewChange;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** step() never throws, whatever the bytes: garbage and mutated valid messages come back as typed refusals. */
class GarbageInputPropertyTest {
    private static final TestChain CHAIN = new TestChain(4, 4, 8);

    @Property(tries = 300)
    void randomBytesAreRefusedWithoutThrowing(@ForAll @Size(max = 400) byte[] bytes) {
        PbftEngine e = CHAIN.engine(1, b -> Verdict.VALID);
        StepResult r = e.step(CHAIN.keys.get(0).publicKey(), bytes);
        assertThat(r.isAccepted()).isFalse();
    }

    @Property(tries = 300)
    void mutatedValidMessagesNeverThrow(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte flip,
                                        @ForAll @IntRange(min = 0, max = 2) int kind) {
        PbftEngine e = CHAIN.engine(1, b -> Verdict.VALID);
        byte[] valid = switch (kind) {
            case 0 -> Signed.sign(new PrePrepare(0, 1, CHAIN.block(1, TestChain.GENESIS, Hash32.ZERO, 0, 5)), CHAIN.keys.get(0), TestChain.CHAIN_ID).encode();
            case 1 -> Signed.sign(new ViewChange(1, CheckpointProof.GENESIS, List.of(), List.of()), CHAIN.keys.get(2), TestChain.CHAIN_ID).encode();
            default -> Signed.sign(new ViewChange(3, CheckpointProof.GENESIS, List.of(), List.of()), CHAIN.keys.get(3), TestChain.CHAIN_ID).encode();
        };
        byte[] mutated = valid.clone();
        mutated[position % mutated.length] ^= (byte) (flip == 0 ? 1 : flip);
        StepResult r = e.step(CHAIN.keys.get(0).publicKey(), mutated);
        assertThat(r.isAccepted()).isFalse();
    }
}
