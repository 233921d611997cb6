package io.mutualchain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.state.StateKeys;
import io.mutualchain.ledger.state.StateProof;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerProofsAndConsensusTest {
    @TempDir
    Path dir;

    final TestChain chain = new TestChain();

    @Test
    void anAccountProofVerifiesAgainstTheStateRootAndFailsForAnotherValue() throws Exception {
        KeyPair alice = chain.users.get(0);
        Address bob = chain.users.get(1).address();
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            chain.commit(ledger, List.of(chain.transfer(alice, 0, bob, 10)));
            AccountProof p = ledger.proveAccount(alice.address());
            assertThat(p.height()).isEqualTo(1);
            assertThat(p.stateRoot()).isEqualTo(ledger.stateRoot());
            assertThat(p.account()).isEqualTo(ledger.account(alice.address()));
            assertThat(p.verify(ledger.stateRoot())).isTrue();

            StateProof proof = ledger.prove(alice.address()).orElseThrow();
            Account changed = new Account(p.account().balance() + 1, p.account().nonce());
            assertThat(proof.verify(ledger.stateRoot(), Optional.of(p.account().encode()))).isTrue();
            assertThat(proof.verify(ledger.stateRoot(), Optional.of(changed.encode()))).isFalse();
            assertThat(proof.verify(ledger.stateRoot(), Optional.empty())).isFalse();

            Hash32 oldRoot = ledger.stateRoot();
            chain.commit(ledger, List.of(chain.transfer(alice, 1, bob, 10)));
            assertThat(p.verify(ledger.stateRoot())).as("old proof against the new root").isFalse();
            assertThat(p.verify(oldRoot)).isTrue();
            // The root the proof was made against is what the next header carries.
            assertThat(ledger.blockByHeight(2).orElseThrow().block().header().stateRoot()).isEqualTo(oldRoot);
        }
    }

    @Test
    void anAddressWithoutAnAccountGetsAProofOfAbsence() throws Exception {
        Address nobody = TestChain.key(251).address();
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            AccountProof p = ledger.proveAccount(nobody);
            assertThat(p.account()).isEqualTo(Account.EMPTY);
            assertThat(p.treeValue()).isEmpty();
            assertThat(p.verify(ledger.stateRoot())).isTrue();
            assertThat(p.proof().key()).isEqualTo(StateKeys.accountTreeKey(nobody));
            assertThat(p.proof().verify(ledger.stateRoot(), Optional.of(new Account(1, 0).encode()))).isFalse();
        }
    }

    @Test
    void consensusRecordsArePersistedDeletedAndListedInKeyOrder() throws Exception {
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            ledger.consensusWrite(List.of(new SimpleEntry<>(new byte[] {2}, new byte[] {20}), new SimpleEntry<>(new byte[] {1, 0}, new byte[] {10}),
                    new SimpleEntry<>(new byte[] {(byte) 0xff}, new byte[0])), List.of());
            ledger.consensusWrite(List.of(), List.of(new byte[] {2}));
        }
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            Map<String, byte[]> entries = ledger.consensusEntries();
            assertThat(entries.keySet()).containsExactly("0100", "ff");
            assertThat(entries.get("0100")).containsExactly(10);
            assertThat(entries.get("ff")).isEmpty();
        }
    }

    @Test
    void aConsensusPutWithoutAValueIsRefused() throws Exception {
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            assertThatThrownBy(() -> ledger.consensusWrite(List.of(new SimpleEntry<>(new byte[] {1}, null)), List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ledger.consensusEntries()).isEmpty();
        }
    }

    @Test
    void aClosedLedgerRefusesReadsInsteadOfCrashing() throws Exception {
        Ledger ledger = Ledger.open(dir, chain.genesis);
        ledger.close();
        assertThatThrownBy(() -> ledger.account(chain.users.get(0).address()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        ledger.close();
    }

    @Test
    void theSizeEstimateIsPositiveAndDoesNotShrinkWhenBlocksAreAdded() throws Exception {
        // Memtables grow in arena blocks, so one small commit need not change the estimate at all.
        try (Ledger ledger = Ledger.open(dir, chain.genesis)) {
            long before = ledger.approximateSizeBytes();
            assertThat(before).isPositive();
            KeyPair alice = chain.users.get(0);
            chain.commit(ledger, List.of(chain.transfer(alice, 0, chain.users.get(1).address(), 1)));
            assertThat(ledger.approximateSizeBytes()).isGreaterThanOrEqualTo(before);
        }
    }
}
