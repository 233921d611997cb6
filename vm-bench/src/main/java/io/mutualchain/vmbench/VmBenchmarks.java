package io.mutualchain.vmbench;

import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import io.mutualchain.vm.ExecutionResult;
import io.mutualchain.vm.Interpreter;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.Value;
import io.mutualchain.vm.asm.Assembler;
import io.mutualchain.vm.asm.IncludeResolver;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.jse.JsePlatform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Time per loop iteration ({@link OperationsPerInvocation} divides by the iteration count) of each
 * workload on each engine. The VM runs with gas metering on and a gas limit that the workload does
 * not reach; every result is checked once in setup so that a broken engine cannot look fast.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VmBenchmarks {
    static final int N = 10_000;
    static final long GAS = 1_000_000_000L;

    private Module vmSum;
    private Module vmStorage;
    private Module vmHash;
    private BenchHost host;
    private ExportFunction wasmSum;
    private LuaValue luaSum;
    private LuaValue luaStorage;
    private LuaValue luaHash;
    private final Map<Long, Long> javaStorage = new HashMap<>();

    @Setup
    public void setup() throws Exception {
        vmSum = ModuleLoader.load(Assembler.assemble(Workloads.VM_SUM, "sum.masm", IncludeResolver.none()));
        vmStorage = ModuleLoader.load(Assembler.assemble(Workloads.VM_STORAGE, "storage.masm", IncludeResolver.none()));
        vmHash = ModuleLoader.load(Assembler.assemble(Workloads.VM_HASH, "hash.masm", IncludeResolver.none()));
        host = new BenchHost();
        wasmSum = Instance.builder(Parser.parse(Workloads.WASM_SUM)).build().export("sum");

        Globals g = JsePlatform.standardGlobals();
        Map<Long, Long> luaStore = new HashMap<>();
        g.set("sstore", new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue k, LuaValue v) {
                luaStore.put(k.tolong(), v.tolong());
                return NONE.arg1();
            }
        });
        g.set("sload", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue k) {
                Long v = luaStore.get(k.tolong());
                return LuaValue.valueOf(v == null ? 0 : v);
            }
        });
        g.set("sha256", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue s) {
                byte[] in = new byte[s.rawlen()];
                s.checkstring().copyInto(0, in, 0, in.length);
                return LuaValue.valueOf(sha256(in));
            }
        });
        luaSum = g.load(Workloads.LUA_SUM, "sum");
        luaStorage = g.load(Workloads.LUA_STORAGE, "storage");
        luaHash = g.load(Workloads.LUA_HASH, "hash");

        long expectedSum = (long) N * (N - 1) / 2;
        check(vmSum(), expectedSum, "vm sum");
        check(vmStorage(), expectedSum, "vm storage");
        check(wasmSum(), expectedSum, "chicory sum");
        check(luaSum(), expectedSum, "luaj sum");
        check(luaStorage(), expectedSum, "luaj storage");
        check(javaSum(), expectedSum, "java sum");
        check(javaStorage(), expectedSum, "java storage");
        byte[] h = new byte[32];
        for (int i = 0; i < N; i++) {
            h = sha256(h);
        }
        if (!java.util.Arrays.equals(((Value.Bytes) ((ExecutionResult.Success) vmHash()).values().get(0)).toBytes(), h)) {
            throw new IllegalStateException("vm hash loop gives a wrong digest");
        }
    }

    private static void check(Object result, long expected, String what) {
        long got;
        if (result instanceof ExecutionResult.Success s) {
            got = ((Value.Int) s.values().get(0)).value();
        } else if (result instanceof LuaValue v) {
            got = v.tolong();
        } else if (result instanceof Long l) {
            got = l;
        } else {
            throw new IllegalStateException(what + " did not succeed: " + result);
        }
        if (got != expected) {
            throw new IllegalStateException(what + " gives " + got + ", expected " + expected);
        }
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object vmSum() {
        return Interpreter.call(vmSum, "sum", List.of(Value.of(N)), host, GAS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object wasmSum() {
        return wasmSum.apply(N)[0];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object luaSum() {
        return luaSum.call(LuaValue.valueOf(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object javaSum() {
        long s = 0;
        for (long i = 0; i < N; i++) {
            s += i;
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object vmStorage() {
        return Interpreter.call(vmStorage, "store", List.of(Value.of(N)), host, GAS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object luaStorage() {
        return luaStorage.call(LuaValue.valueOf(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object javaStorage() {
        long acc = 0;
        for (long i = 0; i < N; i++) {
            javaStorage.put(i, i);
            acc += javaStorage.get(i);
        }
        return acc;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object vmHash() {
        return Interpreter.call(vmHash, "hash", List.of(Value.of(N)), host, GAS);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object luaHash() {
        return luaHash.call(LuaValue.valueOf(N));
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public Object javaHash() throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] h = new byte[32];
        for (int i = 0; i < N; i++) {
            h = md.digest(h);
        }
        return h;
    }

}
