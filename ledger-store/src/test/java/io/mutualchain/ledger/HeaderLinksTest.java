package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.validation.Validation;
import io.mutualchain.ledger.store.Head;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A header extends the committed tip only if every link holds; each broken link has its own code. */
class HeaderLinksTest {
    private static final String CHAIN = "mc-links";
    private static final Hash32 TIP_HASH = hash("tip");
    private static final Hash32 STATE = hash("state after tip");
    private static final Hash32 RECEIPTS = hash("receipts of tip");
    private static final Head TIP = new Head(7, TIP_HASH, 5_000, STATE, RECEIPTS);
    private static final KeyPair PROPOSER = KeyPair.fromSeed(new byte[32]);

    private static Hash32 hash(String s) {
        return Sha256.hash(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static BlockHeader header(String chain, long height, Hash32 prev, long time, Hash32 state, Hash32 receipts) {
        return new BlockHeader(chain, height, prev, time, Block.txRoot(List.of()), state, receipts, 0, PROPOSER.publicKey(), 0);
    }

    private static BlockHeader next() {
        return header(CHAIN, 8, TIP_HASH, 5_001, STATE, RECEIPTS);
    }

    @Test
    void theNextHeaderOnTheTipWithItsRootsLinks() {
        assertThat(HeaderLinks.check(next(), TIP, CHAIN)).isEqualTo(Validation.valid());
    }

    @Test
    void aHeaderAtTheParentsTimeIsRefusedNamingBothTimes() {
        Validation v = HeaderLinks.check(header(CHAIN, 8, TIP_HASH, 5_000, STATE, RECEIPTS), TIP, CHAIN);
        assertThat(v.reason()).contains(HeaderLinkCode.TIME_NOT_AFTER_PARENT);
        assertThat(v.detail()).isEqualTo("block timestamp 5000 ms is not after its parent's 5000 ms");
    }

    @Test
    void theChainIsCheckedFirstSoAForeignHeaderIsRefusedAsForeignWhateverElseIsWrong() {
        Validation v = HeaderLinks.check(header("mc-other", 3, Hash32.ZERO, 0, Hash32.ZERO, Hash32.ZERO), TIP, CHAIN);
        assertThat(v.reason()).contains(HeaderLinkCode.WRONG_CHAIN);
        assertThat(v.detail()).isEqualTo("block is for chain 'mc-other', this is chain 'mc-links'");
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a header that breaks that link")
    @EnumSource(HeaderLinkCode.class)
    void everyHeaderLinkCodeIsProducedByAHeaderThatBreaksThatLink(HeaderLinkCode code) {
        BlockHeader h = switch (code) {
            case WRONG_CHAIN -> header("mc-other", 8, TIP_HASH, 5_001, STATE, RECEIPTS);
            case NOT_NEXT_HEIGHT -> header(CHAIN, 9, TIP_HASH, 5_001, STATE, RECEIPTS);
            case WRONG_PARENT -> header(CHAIN, 8, hash("another parent"), 5_001, STATE, RECEIPTS);
            case TIME_NOT_AFTER_PARENT -> header(CHAIN, 8, TIP_HASH, 4_999, STATE, RECEIPTS);
            case STATE_ROOT_MISMATCH -> header(CHAIN, 8, TIP_HASH, 5_001, Hash32.ZERO, RECEIPTS);
            case RECEIPTS_ROOT_MISMATCH -> header(CHAIN, 8, TIP_HASH, 5_001, STATE, Hash32.ZERO);
        };
        assertThat(HeaderLinks.check(h, TIP, CHAIN).reason()).contains(code);
        assertThat(code.area()).isEqualTo("header-link");
    }
}
