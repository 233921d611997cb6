package io.mutualchain.vm;

import io.mutualchain.core.types.Address;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storage, transfers, events and contract-to-contract calls through the journaling fake host: what
 * a failed run leaves behind (nothing but its gas), the depth bound and the no-re-entrancy rule.
 */
class ContractCallTest {
    static final Address USER = InstructionConformanceTest.addr(0x11);
    static final Address A = InstructionConformanceTest.addr(0xA);
    static final Address B = InstructionConformanceTest.addr(0xB);

    static final String COUNTER = """
            .slot COUNT "count"
            .func bump() -> int export
                .local n: int
                pushb COUNT
                sload
                dup
                blen
                jumpifnot fresh
                btoi
                set n
                jump add
            fresh:
                pop
            add:
                get n
                push 1
                add
                set n
                pushb COUNT
                get n
                itob
                sstore
                pushb "bumped"
                get n
                itob
                emit 1
                get n
                ret
            .end
            .func bump_then_fail() export
                call bump
                pop
                pushb "changed my mind"
                revert
            .end
            """;

    private static String hex(Address a) {
        return InstructionConformanceTest.hex(a);
    }

    @Test
    void storageWritesAndEventsPersistOnlyWhenTheRunSucceeds() {
        FakeHost.World w = new FakeHost.World();
        w.contracts.put(A, Asm.load(COUNTER));
        assertThat(w.call(USER, A, "bump", List.of(), 100_000)).isInstanceOf(ExecutionResult.Success.class);
        assertThat(w.call(USER, A, "bump", List.of(), 100_000)).satisfies(r ->
                assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(2)));
        ExecutionResult failed = w.call(USER, A, "bump_then_fail", List.of(), 100_000);
        assertThat(failed).isInstanceOf(ExecutionResult.Revert.class);
        assertThat(((ExecutionResult.Revert) failed).reasonText()).isEqualTo("changed my mind");
        assertThat(failed.gasUsed()).isPositive();
        assertThat(w.stored(A, "count")).isEqualTo(new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        assertThat(w.events).hasSize(2);
    }

    @Test
    void aFailedNestedCallIsRolledBackWhileTheCallerContinuesAndPaysForIt() {
        FakeHost.World w = new FakeHost.World();
        w.contracts.put(B, Asm.load(COUNTER));
        w.contracts.put(A, Asm.load("""
                .func go() -> (int, int, int) export
                    pushb %s
                    pushb "bump_then_fail"
                    push 0
                    push 50000
                    xcall () -> ()
                    pushb %s
                    pushb "bump"
                    push 0
                    push 50000
                    xcall () -> (int)
                    ret
                .end
                """.formatted(hex(B), hex(B))));
        ExecutionResult r = w.call(USER, A, "go", List.of(), 200_000);
        // First call reverted (status 1); second succeeded with count 1 (the first bump was rolled back).
        assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(1), Value.of(1), Value.of(0));
        assertThat(w.stored(B, "count")).isEqualTo(new byte[] {0, 0, 0, 0, 0, 0, 0, 1});
    }

    @Test
    void aContractCannotReenterItselfDirectlyOrThroughAnother() {
        FakeHost.World w = new FakeHost.World();
        String callPeer = """
                .func ping(peer: bytes) -> int export
                    get peer
                    pushb "pong"
                    push 0
                    push 100000
                    self
                    xcall (bytes) -> (int)
                    swap
                    pop
                    ret
                .end
                .func pong(back: bytes) -> int export
                    get back
                    pushb "ping"
                    push 0
                    push 100000
                    self
                    xcall (bytes) -> (int)
                    swap
                    pop
                    ret
                .end
                """;
        w.contracts.put(A, Asm.load(callPeer));
        w.contracts.put(B, Asm.load(callPeer));
        // A.ping(B) -> B.pong(A) -> A.ping(...) is refused: status 3 (trap) comes back up to A.
        ExecutionResult r = w.call(USER, A, "ping", List.of(Value.of(B.toBytes())), 1_000_000);
        assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(0));
        CallGuard g = new CallGuard(A);
        assertThat(g.enter(B)).isEmpty();
        assertThat(g.enter(A)).hasValueSatisfying(t -> assertThat(t.kind()).isEqualTo(TrapKind.REENTRANCY));
    }

    @Test
    void aChainOfContractCallsStopsAtTheDepthLimit() {
        FakeHost.World w = new FakeHost.World();
        // Contract i calls contract i+1 and returns 1 + what it got back; the last one in the chain is refused.
        int n = Limits.CONTRACT_CALL_DEPTH_MAX + 2;
        for (int i = 0; i < n; i++) {
            Address next = InstructionConformanceTest.addr(0x40 + i + 1);
            w.contracts.put(InstructionConformanceTest.addr(0x40 + i), Asm.load("""
                    .func down() -> int export
                        .local got: int
                        pushb %s
                        pushb "down"
                        push 0
                        push 1000000
                        xcall () -> (int)
                        jumpif refused
                        push 1
                        add
                        ret
                    refused:
                        pop
                        push 0
                        ret
                    .end
                    """.formatted(hex(next))));
        }
        ExecutionResult r = w.call(USER, InstructionConformanceTest.addr(0x40), "down", List.of(), 10_000_000);
        // Depth 1..MAX run; the call from depth MAX is refused and that contract returns 0.
        assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(Limits.CONTRACT_CALL_DEPTH_MAX - 1));
    }

    @Test
    void callingAnAddressWithoutAContractGivesTrapStatusNotACallerFailure() {
        FakeHost.World w = new FakeHost.World();
        w.contracts.put(A, Asm.load("""
                .func go() -> int export
                    pushb %s
                    pushb "anything"
                    push 0
                    push 100
                    xcall () -> ()
                    ret
                .end
                """.formatted(hex(B))));
        assertThat(w.call(USER, A, "go", List.of(), 10_000)).isEqualTo(new ExecutionResult.Success(List.of(Value.of(3)), 4 + 700 + 2));
    }

    @Test
    void aCalleeReturningOtherTypesThanDeclaredTrapsTheCaller() {
        FakeHost.World w = new FakeHost.World();
        w.contracts.put(B, Asm.load(".func f() -> bytes export\npushb \"x\"\nret\n.end"));
        w.contracts.put(A, Asm.load("""
                .func go() -> (int, int) export
                    pushb %s
                    pushb "f"
                    push 0
                    push 100
                    xcall () -> (int)
                    ret
                .end
                """.formatted(hex(B))));
        ExecutionResult r = w.call(USER, A, "go", List.of(), 10_000);
        assertThat(r).isInstanceOf(ExecutionResult.Trap.class);
        assertThat(((ExecutionResult.Trap) r).kind()).isEqualTo(TrapKind.TYPE_MISMATCH);
    }

    @Test
    void transfersMoveBalanceOnlyWhenCoveredAndOnlyOnSuccess() {
        FakeHost.World w = new FakeHost.World();
        w.balances.put(A, 1_000L);
        w.contracts.put(A, Asm.load("""
                .func pay(to: bytes, amount: int) -> int export
                    get to
                    get amount
                    transfer
                    ret
                .end
                """));
        assertThat(w.call(USER, A, "pay", List.of(Value.of(B.toBytes()), Value.of(400)), 10_000))
                .satisfies(r -> assertThat(((ExecutionResult.Success) r).values()).containsExactly(Value.of(0)));
        assertThat(w.call(USER, A, "pay", List.of(Value.of(B.toBytes()), Value.of(601)), 10_000))
                .satisfies(r -> assertThat(((ExecutionResult.Success) r).values())
                        .containsExactly(Value.of(TransferStatus.INSUFFICIENT_BALANCE.code())));
        assertThat(w.balance(A)).isEqualTo(600);
        assertThat(w.balance(B)).isEqualTo(400);
    }

    @Test
    void anXcallOffersAtMostTheGasTheCallerHasLeft() {
        FakeHost.World w = new FakeHost.World();
        w.contracts.put(B, Asm.load(".func spin() export\nloop: jump loop\n.end"));
        w.contracts.put(A, Asm.load("""
                .func go() -> int export
                    pushb %s
                    pushb "spin"
                    push 0
                    push 9223372036854775807
                    xcall () -> ()
                    ret
                .end
                """.formatted(hex(B))));
        ExecutionResult r = w.call(USER, A, "go", List.of(), 5_000);
        // The callee burns everything the caller had left after paying for xcall's block (which includes
        // the ret): the caller sees status 2 (out of gas) and still returns, having used the whole limit.
        assertThat(r).isEqualTo(new ExecutionResult.Success(List.of(Value.of(2)), 5_000));
    }
}
