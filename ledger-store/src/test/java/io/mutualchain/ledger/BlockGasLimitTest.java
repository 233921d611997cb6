package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.block.Block;
import io.mutualchain.core.block.BlockLimitCode;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.genesis.ChainParams;
import io.mutualchain.core.tx.ContractCall;
import io.mutualchain.core.tx.Transaction;
import io.mutualchain.core.types.Address;
import io.mutualchain.core.validation.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The block gas limit on real RocksDB: a proposal over it is refused with a typed reason, and so is applying one. */
class BlockGasLimitTest {
    private static final long LIMIT = 1_000_000;

    @TempDir
    Path dir;

    final TestChain chain = new TestChain("mc-gas", ChainParams.DEFAULT.withBlockGasLimit(LIMIT));
    Ledger ledger;
    KeyPair alice;
    KeyPair bob;
    /** No contract lives here: a call to it is a valid transaction that is REJECTED (NO_SUCH_CONTRACT) and pays its fee. */
    final Address nowhere = TestChain.key(77).address();

    @BeforeEach
    void open() throws Exception {
        ledger = Ledger.open(dir, chain.genesis);
        alice = chain.users.get(0);
        bob = chain.users.get(1);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    private Transaction call(KeyPair k, long nonce, long gas) {
        return Transaction.sign(chain.genesis.chainId(), k, nonce, TestChain.BASE_FEE, new ContractCall(nowhere, "spin", new byte[0], 0, gas));
    }

    @Test
    void aBlockWhoseCallsDeclareExactlyTheLimitIsValid() throws Exception {
        List<Transaction> txs = List.of(call(alice, 0, 600_000), call(bob, 0, 400_000), chain.transfer(alice, 1, bob.address(), 5));
        Block b = chain.nextBlock(ledger, txs);
        assertThat(BlockLimits.check(b, chain.genesis.params()).isOk()).isTrue();
        assertThat(ledger.validateProposal(b).isOk()).isTrue();
        assertThat(ledger.commit(b, chain.certify(b))).hasSize(3);
    }

    @Test
    void aBlockOneGasOverTheLimitIsRefusedBeforeAnythingRuns() {
        List<Transaction> txs = new ArrayList<>(List.of(call(alice, 0, 600_000), call(bob, 0, 400_001)));
        Block b = chain.nextBlock(ledger, txs);
        assertThat(BlockLimits.check(b, chain.genesis.params()).reason()).contains(BlockLimitCode.GAS_OVER_LIMIT);
        assertThat(ledger.validateProposal(b)).satisfies(why -> {
            assertThat(why.reason()).contains(BlockLimitCode.GAS_OVER_LIMIT);
            assertThat(why.message()).startsWith("GAS_OVER_LIMIT").contains("1000001 gas").contains("block gas limit is 1000000");
        });
    }

    @Test
    void aCertifiedBlockOverTheLimitIsNotAppliedAndStopsThisNodeAsDiverged() {
        Block b = chain.nextBlock(ledger, List.of(call(alice, 0, 700_000), call(alice, 1, 700_000)));
        long height = ledger.height();
        // Honest validators never certify it: a quorum that did means this node's rules or state differ.
        assertThatThrownBy(() -> ledger.commit(b, chain.certify(b))).isInstanceOfSatisfying(LocalFault.class,
                f -> assertThat(f.kind()).isEqualTo(LocalFault.Kind.STATE_DIVERGED)).hasMessageContaining("GAS_OVER_LIMIT");
        assertThat(ledger.height()).isEqualTo(height);
    }

    @Test
    void theOtherBlockBoundsHaveTheirOwnTypedReasons() {
        ChainParams tight = new ChainParams(TestChain.BASE_FEE, 1024, 1, 4096, 100, 200);
        Block two = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob.address(), 1), chain.transfer(alice, 1, bob.address(), 1)));
        assertThat(BlockLimits.check(two, tight).reason()).contains(BlockLimitCode.TOO_MANY_TXS);
        ChainParams small = new ChainParams(TestChain.BASE_FEE, 256, 10, 256, 100, 200);
        assertThat(BlockLimits.check(two, small).reason()).contains(BlockLimitCode.TOO_MANY_BYTES);
    }

    /** The switch has no default: a new code does not compile until it has a case here. */
    @ParameterizedTest(name = "{0} is produced by a block over that bound")
    @EnumSource(BlockLimitCode.class)
    void everyBlockLimitCodeIsProducedByABlockOverThatBound(BlockLimitCode code) {
        Block two = chain.nextBlock(ledger, List.of(chain.transfer(alice, 0, bob.address(), 1), chain.transfer(alice, 1, bob.address(), 1)));
        Validation v = switch (code) {
            case TOO_MANY_TXS -> BlockLimits.check(two, new ChainParams(TestChain.BASE_FEE, 1024, 1, 4096, 100, 200));
            case TOO_MANY_BYTES -> BlockLimits.check(two, new ChainParams(TestChain.BASE_FEE, 256, 10, 256, 100, 200));
            case GAS_OVER_LIMIT -> BlockLimits.check(chain.nextBlock(ledger, List.of(call(alice, 0, 600_000), call(bob, 0, 400_001))),
                    chain.genesis.params());
        };
        assertThat(v.reason()).contains(code);
        assertThat(code.area()).isEqualTo("block-limit");
    }
}
