package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockHeader;
import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.DefaultGenesis;
import io.mutualchain.core.genesis.Genesis;
import io.mutualchain.core.genesis.Validator;
import io.mutualchain.ledger.HeaderLinkCode;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.store.Head;
import io.mutualchain.pbft.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consensus gets the ledger's refusal of a proposal with its typed code, on a real RocksDB ledger. */
class LedgerBlockValidatorTest {
    @TempDir
    Path dir;

    private final KeyPair validator = KeyPair.generate();
    private final KeyPair holder = KeyPair.generate();
    private final Genesis genesis = DefaultGenesis.builder("validator-test", 1_700_000_000_000L, List.of(new Validator("v0", validator.publicKey())))
            .holders(holder.address(), KeyPair.generate().address(), KeyPair.generate().address(), KeyPair.generate().address())
            .committee(1, List.of(holder.publicKey())).build();

    private Block emptyBlock(Head tip, long height, Hash32 parent) {
        return new Block(new BlockHeader(genesis.chainId(), height, parent, tip.timeMs() + 1, Block.txRoot(List.of()), tip.stateRoot(),
                tip.receiptsRoot(), 0, validator.publicKey(), 0), List.of());
    }

    @Test
    void aBlockOnTheWrongParentIsInvalidWithTheLedgersCodeAndAGoodOneIsValid() throws Exception {
        try (Ledger ledger = Ledger.open(dir, genesis)) {
            LedgerBlockValidator v = new LedgerBlockValidator(ledger);
            Head tip = ledger.head();
            Verdict wrongParent = v.validate(emptyBlock(tip, 1, Hash32.ZERO));
            assertThat(wrongParent.kind()).isEqualTo(Verdict.Kind.INVALID);
            assertThat(wrongParent.code()).contains(HeaderLinkCode.WRONG_PARENT);
            assertThat(wrongParent.reason()).startsWith("WRONG_PARENT: block 1 names parent ");
            assertThat(v.validate(emptyBlock(tip, 1, tip.blockHash()))).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aBlockAboveTheNextHeightIsNotYetJudgedAndHasNoCode() throws Exception {
        try (Ledger ledger = Ledger.open(dir, genesis)) {
            Verdict later = new LedgerBlockValidator(ledger).validate(emptyBlock(ledger.head(), 2, Hash32.ZERO));
            assertThat(later).isEqualTo(Verdict.NOT_YET);
            assertThat(later.code()).isEmpty();
        }
    }
}
