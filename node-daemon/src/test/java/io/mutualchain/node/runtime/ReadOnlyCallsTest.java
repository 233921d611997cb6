package io.mutualchain.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mutualchain.core.tx.ContractDeploy;
import io.mutualchain.core.types.Address;
import io.mutualchain.ledger.Ledger;
import io.mutualchain.ledger.Receipt;
import io.mutualchain.ledger.exec.ContractRules;
import io.mutualchain.node.config.CallLimits;
import io.mutualchain.rpc.CallLimitException;
import io.mutualchain.rpc.CallRequest;
import io.mutualchain.rpc.ContractCallView;
import io.mutualchain.vm.Values;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caps on read-only runs for RPC callers: gas enforced by the node whatever the caller asks, time and queue outside the VM. */
class ReadOnlyCallsTest {
    static final String SPIN = """
            .func spin() export
            top:
                jump top
            .end
            """;

    @TempDir
    Path dir;

    @Test
    void anInfiniteLoopCalledThroughTheApiStopsAtTheNodesGasCapOnARealLedger() throws Exception {
        GovernedChain chain = new GovernedChain("mc-calls", 71);
        try (Ledger l = chain.openFunded(dir)) {
            byte[] code = Assembler.assemble(SPIN, "spin.masm", IncludeResolver.none());
            long nonce = l.account(chain.reserve.address()).nonce();
            Receipt deployed = chain.commit(l, List.of(chain.tx(l, chain.reserve,
                    new ContractDeploy(code, Values.encode(List.of()), 0, 1_000_000)))).get(0);
            assertThat(deployed.succeeded()).as(deployed.error()).isTrue();
            Address spin = ContractRules.contractAddress(chain.reserve.address(), nonce);
            NodeApiAdapter api = GovernedChain.adapter(l, new CallLimits(50_000, 10_000, 1));
            assertThat(api.callGasMax()).isEqualTo(50_000);
            ContractCallView r = api.call(new CallRequest(spin, "spin", List.of(), chain.reserve.address(), 0), ContractDeploy.GAS_LIMIT_MAX);
            assertThat(r.status()).isEqualTo("OUT_OF_GAS");
            assertThat(r.gasUsed()).as("the node's cap, not the caller's ten million").isEqualTo(50_000);
        }
    }

    @Test
    void aRunPastTheTimeCapIsAnsweredWithTimeCapAndAFullQueueWithBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ReadOnlyCalls calls = new ReadOnlyCalls(new CallLimits(1_000, 20, 1))) {
            CallLimitException slow = catchThrowableOfType(() -> calls.run(() -> block(release)), CallLimitException.class);
            assertThat(slow.kind()).isEqualTo(CallLimitException.Kind.TIME_CAP);
            assertThat(slow.getMessage()).contains("20 ms").contains("rpc.callTimeoutMs");
            // The worker is still held by the first run; fill its queue, then one more is refused at once.
            for (int i = 0; i < CallLimits.QUEUE_PER_WORKER; i++) {
                assertThat(catchThrowableOfType(() -> calls.run(() -> block(release)), CallLimitException.class).kind())
                        .isEqualTo(CallLimitException.Kind.TIME_CAP);
            }
            CallLimitException busy = catchThrowableOfType(() -> calls.run(() -> 1), CallLimitException.class);
            assertThat(busy.kind()).isEqualTo(CallLimitException.Kind.BUSY);
            assertThat(busy.getMessage()).contains("rpc.callWorkers");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRunThatEndsInTimeIsAnsweredAndItsFailureIsPassedOn() {
        try (ReadOnlyCalls calls = new ReadOnlyCalls(CallLimits.DEFAULT)) {
            assertThat(calls.run(() -> 42)).isEqualTo(42);
            IllegalStateException e = catchThrowableOfType(() -> calls.run(() -> {
                throw new IllegalStateException("broken store");
            }), IllegalStateException.class);
            assertThat(e).hasMessage("broken store");
        }
    }

    private static int block(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
