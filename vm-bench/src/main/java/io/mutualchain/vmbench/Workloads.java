package io.mutualchain.vmbench;

/** The workloads, written once per engine. Each runs {@code n} loop iterations per call. */
final class Workloads {
    private Workloads() {
    }

    static final String VM_SUM = """
            .func sum(n: int) -> int export
                .local s: int
                .local i: int
            loop:
                get i
                get n
                lt
                jumpifnot done
                get s
                get i
                add
                set s
                get i
                push 1
                add
                set i
                jump loop
            done:
                get s
                ret
            .end
            """;

    static final String VM_STORAGE = """
            .func store(n: int) -> int export
                .local i: int
                .local acc: int
            loop:
                get i
                get n
                lt
                jumpifnot done
                get i
                itob
                get i
                itob
                sstore
                get i
                itob
                sload
                btoi
                get acc
                add
                set acc
                get i
                push 1
                add
                set i
                jump loop
            done:
                get acc
                ret
            .end
            """;

    static final String VM_HASH = """
            .func hash(n: int) -> bytes export
                .local i: int
                .local h: bytes
                pushb x"0000000000000000000000000000000000000000000000000000000000000000"
                set h
            loop:
                get i
                get n
                lt
                jumpifnot done
                get h
                sha256
                set h
                get i
                push 1
                add
                set i
                jump loop
            done:
                get h
                ret
            .end
            """;

    static final String LUA_SUM = """
            local n = ...
            local s = 0
            for i = 0, n - 1 do
              s = s + i
            end
            return s
            """;

    static final String LUA_STORAGE = """
            local n = ...
            local acc = 0
            for i = 0, n - 1 do
              sstore(i, i)
              acc = acc + sload(i)
            end
            return acc
            """;

    static final String LUA_HASH = """
            local n = ...
            local h = string.rep("\\0", 32)
            for i = 0, n - 1 do
              h = sha256(h)
            end
            return h
            """;

    /**
     * The sum loop as a hand-assembled WebAssembly module:
     * {@code (func (export "sum") (param $n i64) (result i64) (local $i i64) (local $s i64)
     * block loop local.get $i local.get $n i64.ge_s br_if 1 local.get $s local.get $i i64.add
     * local.set $s local.get $i i64.const 1 i64.add local.set $i br 0 end end local.get $s)}
     */
    static final byte[] WASM_SUM = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            0x01, 0x06, 0x01, 0x60, 0x01, 0x7e, 0x01, 0x7e,
            0x03, 0x02, 0x01, 0x00,
            0x07, 0x07, 0x01, 0x03, 's', 'u', 'm', 0x00, 0x00,
            0x0a, 0x25, 0x01, 0x23,
            0x01, 0x02, 0x7e,
            0x02, 0x40, 0x03, 0x40,
            0x20, 0x01, 0x20, 0x00, 0x59, 0x0d, 0x01,
            0x20, 0x02, 0x20, 0x01, 0x7c, 0x21, 0x02,
            0x20, 0x01, 0x42, 0x01, 0x7c, 0x21, 0x01,
            0x0c, 0x00, 0x0b, 0x0b,
            0x20, 0x02, 0x0b);

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
