package io.mutualchain.ledger.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.KeyPair;
import io.mutualchain.core.crypto.Sha256;
import io.mutualchain.core.tx.AssetEvent;
import io.mutualchain.core.tx.AssetEventCode;
import io.mutualchain.ledger.Account;
import io.mutualchain.ledger.model.Asset;
import io.mutualchain.ledger.model.AssetRecord;
import io.mutualchain.ledger.model.AssetState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The whole DFSM table of the whitepaper (chapter 4.3, table 4-2) against the executor: every defined
 * transition from an authorised sender, every undefined (state, event) pair, and every defined
 * transition from every sender who is not authorised.
 */
class AssetStateMachineTest {
    private final Actors cast = new Actors();

    /** The table as the whitepaper prints it, written out independently of the production table. */
    private static final Map<AssetEventCode, Map<AssetState, AssetState>> PAPER = new EnumMap<>(AssetEventCode.class);

    static {
        paper(AssetEventCode.E01, AssetState.S0, AssetState.S1, AssetState.S1, AssetState.S1, AssetState.S5, AssetState.S1);
        paper(AssetEventCode.E02, AssetState.S1, AssetState.S0);
        paper(AssetEventCode.E03, AssetState.S1, AssetState.S5);
        paper(AssetEventCode.E04, AssetState.S2, AssetState.S2, AssetState.S5, AssetState.S2);
        paper(AssetEventCode.E05, AssetState.S2, AssetState.S5);
        paper(AssetEventCode.E06, AssetState.S2, AssetState.S5);
        paper(AssetEventCode.E07, AssetState.S3, AssetState.S3, AssetState.S5, AssetState.S3);
        paper(AssetEventCode.E08, AssetState.S3, AssetState.S5);
        paper(AssetEventCode.E09, AssetState.S3, AssetState.S5);
        paper(AssetEventCode.E10, AssetState.S4, AssetState.S4, AssetState.S5, AssetState.S4);
        paper(AssetEventCode.E11, AssetState.S4, AssetState.S5);
        paper(AssetEventCode.E12, AssetState.S4, AssetState.S6);
    }

    private static void paper(AssetEventCode e, AssetState... fromTo) {
        Map<AssetState, AssetState> m = new EnumMap<>(AssetState.class);
        for (int i = 0; i < fromTo.length; i += 2) {
            m.put(fromTo[i], fromTo[i + 1]);
        }
        PAPER.put(e, m);
    }

    /** A world with one asset of the owner's in {@code state} (S0 = created, then rejected back). */
    private record Setup(MemoryWorld world, Hash32 id) {
    }

    private Setup assetIn(AssetState state) {
        MemoryWorld w = cast.world();
        Hash32 id = AssetEvent.newAssetId(cast.owner.address(), w.account(cast.owner.address()).nonce());
        List<AssetEventCode> path = switch (state) {
            case S0 -> List.of(AssetEventCode.E01, AssetEventCode.E02);
            case S1 -> List.of(AssetEventCode.E01);
            case S2 -> List.of(AssetEventCode.E01, AssetEventCode.E03, AssetEventCode.E04);
            case S3 -> List.of(AssetEventCode.E01, AssetEventCode.E03, AssetEventCode.E07);
            case S4 -> List.of(AssetEventCode.E01, AssetEventCode.E03, AssetEventCode.E10);
            case S5 -> List.of(AssetEventCode.E01, AssetEventCode.E03);
            case S6 -> List.of(AssetEventCode.E01, AssetEventCode.E03, AssetEventCode.E10, AssetEventCode.E12);
        };
        for (AssetEventCode e : path) {
            BlockExecutor.TxOutcome o = w.run(authorised(e).get(0), event(e, id));
            assertThat(o.status()).as("setup %s towards %s: %s", e, state, o).isEqualTo(BlockExecutor.Status.SUCCESS);
        }
        assertThat(w.asset(id).orElseThrow().state()).isEqualTo(state);
        return new Setup(w, id);
    }

    private AssetEvent event(AssetEventCode e, Hash32 id) {
        byte[] data = ("data-" + e).getBytes();
        return switch (e) {
            case E01 -> AssetEvent.depositRequest(id, "CNY", 1_000, data);
            case E04 -> AssetEvent.transferRequest(id, cast.recipient.address(), data);
            case E07 -> AssetEvent.creditRequest(id, 300, data);
            default -> AssetEvent.simple(e, id, data);
        };
    }

    /** Who may send each event to an asset of the owner's with a transfer to the recipient pending; the first is used to drive it. */
    private List<KeyPair> authorised(AssetEventCode e) {
        return switch (e) {
            case E01, E04, E07, E10 -> List.of(cast.owner);
            case E02, E03, E11, E12 -> List.of(cast.gateway, cast.arbiter);
            case E05 -> List.of(cast.recipient, cast.owner, cast.arbiter);
            case E06 -> List.of(cast.recipient, cast.arbiter);
            case E08, E09 -> List.of(cast.creditor, cast.arbiter);
        };
    }

    private List<KeyPair> everyone() {
        return List.of(cast.owner, cast.recipient, cast.outsider, cast.gateway, cast.creditor, cast.kyc, cast.arbiter, cast.presale);
    }

    @Test
    void everyDefinedTransitionLeadsWhereTheTableSaysAndIsRecorded() {
        int checked = 0;
        for (AssetEventCode e : AssetEventCode.values()) {
            for (Map.Entry<AssetState, AssetState> t : PAPER.get(e).entrySet()) {
                for (KeyPair sender : authorised(e)) {
                    Setup s = assetIn(t.getKey());
                    Asset before = s.world().asset(s.id()).orElseThrow();
                    BlockExecutor.TxOutcome o = s.world().run(sender, event(e, s.id()));
                    assertThat(o.status()).as("%s from %s by %s: %s", e, t.getKey(), sender.address(), o).isEqualTo(BlockExecutor.Status.SUCCESS);
                    Asset after = s.world().asset(s.id()).orElseThrow();
                    assertThat(after.state()).as("%s from %s", e, t.getKey()).isEqualTo(t.getValue());
                    assertThat(after.records()).isEqualTo(before.records() + 1);
                    AssetRecord r = AssetRecord.decode(s.world().entry(io.mutualchain.ledger.state.StateKeys.recordKey(s.id(), before.records())));
                    assertThat(r.state()).isEqualTo(t.getValue());
                    assertThat(r.input()).isEqualTo(e);
                    assertThat(r.tx().from()).isEqualTo(t.getKey());
                    assertThat(r.tx().sender()).isEqualTo(sender.address());
                    assertThat(r.business()).isEqualTo(("data-" + e).getBytes());
                    checked++;
                }
            }
        }
        // 17 transitions, each from every authorised sender.
        assertThat(checked).isEqualTo(26);
    }

    @Test
    void everyUndefinedPairIsRefusedNamingTheAssetItsStateAndTheEvent() {
        int checked = 0;
        for (AssetState state : AssetState.values()) {
            for (AssetEventCode e : AssetEventCode.values()) {
                if (PAPER.get(e).containsKey(state)) {
                    continue;
                }
                for (KeyPair sender : everyone()) {
                    Setup s = assetIn(state);
                    Asset before = s.world().asset(s.id()).orElseThrow();
                    long nonce = s.world().account(sender.address()).nonce();
                    BlockExecutor.TxOutcome o = s.world().run(sender, event(e, s.id()));
                    assertThat(o.status()).as("%s in %s", e, state).isEqualTo(BlockExecutor.Status.REJECTED);
                    assertThat(o.refusal().orElseThrow().code()).isEqualTo(Refusal.Code.UNDEFINED_TRANSITION);
                    assertThat(o.rejection().orElseThrow().message()).contains(s.id().toString(), state.name(), e.name());
                    assertThat(s.world().asset(s.id()).orElseThrow()).isEqualTo(before);
                    // Refused, but the fee is paid and the nonce used.
                    assertThat(s.world().account(sender.address()).nonce()).isEqualTo(nonce + 1);
                    checked++;
                    break;
                }
            }
        }
        assertThat(checked).isEqualTo(7 * 12 - 17);
    }

    @Test
    void anEventForAnAssetThatDoesNotExistIsAnUndefinedPairOfS0() {
        MemoryWorld w = cast.world();
        Hash32 nowhere = Sha256.hash("no such asset".getBytes());
        for (AssetEventCode e : AssetEventCode.values()) {
            if (e == AssetEventCode.E01) {
                continue;
            }
            BlockExecutor.TxOutcome o = w.run(cast.arbiter, event(e, nowhere));
            assertThat(o.refusal().orElseThrow().code()).as("%s", e).isEqualTo(Refusal.Code.UNDEFINED_TRANSITION);
            assertThat(o.rejection().orElseThrow().message()).contains("S0", e.name(), nowhere.toString());
        }
        assertThat(w.asset(nowhere)).isEmpty();
    }

    @Test
    void everyDefinedTransitionIsRefusedToEverySenderWhoIsNotAuthorised() {
        int checked = 0;
        for (AssetEventCode e : AssetEventCode.values()) {
            Set<KeyPair> allowed = Set.copyOf(authorised(e));
            for (AssetState from : PAPER.get(e).keySet()) {
                for (KeyPair sender : everyone()) {
                    if (allowed.contains(sender)) {
                        continue;
                    }
                    Setup s = assetIn(from);
                    Asset before = s.world().asset(s.id()).orElseThrow();
                    BlockExecutor.TxOutcome o = s.world().run(sender, event(e, s.id()));
                    assertThat(o.refusal()).as("%s from %s by %s", e, from, sender.address()).isPresent();
                    assertThat(o.refusal().get().code()).as("%s from %s: %s", e, from, o.refusal().get())
                            .isEqualTo(Refusal.Code.NOT_AUTHORISED);
                    assertThat(o.rejection().orElseThrow().message()).contains(sender.address().toString(), e.name(), s.id().toString());
                    assertThat(s.world().asset(s.id()).orElseThrow()).isEqualTo(before);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void aLevelOneOwnerCannotRequestAWithdrawalAndALevelTwoOwnerCan() {
        MemoryWorld w = cast.world();
        KeyPair levelOne = cast.recipient;
        Hash32 id = AssetEvent.newAssetId(levelOne.address(), w.account(levelOne.address()).nonce());
        assertThat(w.run(levelOne, event(AssetEventCode.E01, id)).succeeded()).isTrue();
        assertThat(w.run(cast.gateway, event(AssetEventCode.E03, id)).succeeded()).isTrue();
        BlockExecutor.TxOutcome refused = w.run(levelOne, event(AssetEventCode.E10, id));
        assertThat(refused.refusal().orElseThrow().code()).isEqualTo(Refusal.Code.MEMBER_LEVEL);
        assertThat(refused.rejection().orElseThrow().message()).contains("Level 1", "Level 2");
        assertThat(w.run(cast.kyc, new io.mutualchain.core.tx.KycAttest(levelOne.address(), Sha256.hash("r".getBytes()))).succeeded()).isTrue();
        assertThat(w.run(levelOne, event(AssetEventCode.E10, id)).succeeded()).isTrue();
        assertThat(w.asset(id).orElseThrow().state()).isEqualTo(AssetState.S4);
    }

    @Test
    void aNewAssetMustUseTheIdDerivedFromItsOwnerAndNonce() {
        MemoryWorld w = cast.world();
        BlockExecutor.TxOutcome o = w.run(cast.owner, event(AssetEventCode.E01, Sha256.hash("my favourite id".getBytes())));
        assertThat(o.refusal().orElseThrow().code()).isEqualTo(Refusal.Code.BAD_ASSET_ID);
    }

    @Test
    void aCompletedTransferMovesOwnershipAndRaisesBothPartiesCredit() {
        Setup s = assetIn(AssetState.S2);
        Account ownerBefore = s.world().account(cast.owner.address());
        Account recipientBefore = s.world().account(cast.recipient.address());
        assertThat(s.world().run(cast.recipient, event(AssetEventCode.E06, s.id())).succeeded()).isTrue();
        Asset a = s.world().asset(s.id()).orElseThrow();
        assertThat(a.owner()).isEqualTo(cast.recipient.address());
        assertThat(a.amount()).isEqualTo(1_000);
        assertThat(s.world().account(cast.owner.address()).credit()).isEqualTo(ownerBefore.credit() + CreditRules.TRANSFER_COMPLETED);
        assertThat(s.world().account(cast.recipient.address()).credit()).isEqualTo(recipientBefore.credit() + CreditRules.TRANSFER_COMPLETED);
    }

    @Test
    void theHistoryKeepsEveryEventInOrder() {
        Setup s = assetIn(AssetState.S6);
        List<AssetEventCode> inputs = new ArrayList<>();
        for (long i = 0; i < s.world().asset(s.id()).orElseThrow().records(); i++) {
            inputs.add(AssetRecord.decode(s.world().entry(io.mutualchain.ledger.state.StateKeys.recordKey(s.id(), i))).input());
        }
        assertThat(inputs).containsExactly(AssetEventCode.E01, AssetEventCode.E03, AssetEventCode.E10, AssetEventCode.E12);
    }
}
