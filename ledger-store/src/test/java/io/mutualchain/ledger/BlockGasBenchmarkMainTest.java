package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The block-gas benchmark that docs/ledger.md tells operators to run still runs (tiny sizes; no time is asserted). */
class BlockGasBenchmarkMainTest {
    @Test
    void theBenchmarkFillsABlockWithLoopCallsThatAllRunOutOfGas() {
        assertThatCode(() -> BlockGasBenchmarkMain.main(new String[] {"2000000", "2", "500000"})).doesNotThrowAnyException();
    }
}
