package io.mutualchain.vm;

import io.mutualchain.core.codec.CanonicalReader;
import io.mutualchain.core.codec.CanonicalWriter;
import io.mutualchain.core.codec.CodecException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A module as bytes describe it, before verification: the binary format and nothing else. The
 * assembler builds one and encodes it; the loader decodes one and hands it to the verifier.
 *
 * <pre>
 * module    = magic "MCVM" (4 bytes) · version (varint, = 1)
 *             · constants (varint count, each a length-prefixed byte string)
 *             · functions (varint count, each a function)
 *             · code (length-prefixed bytes)
 * function  = name (string) · exported (bool) · params (count, each name string · type u8)
 *             · results (count, each type u8) · locals (count, each type u8) · entry (varint)
 * </pre>
 * Encoding is node-core's canonical codec, so decoding is strict: one module has one encoding.
 * Function entries must start at 0 and strictly increase, so each function owns the code up to the
 * next entry.
 */
public final class ModuleImage {
    public static final byte[] MAGIC = {'M', 'C', 'V', 'M'};
    public static final int VERSION = 1;

    private final List<byte[]> constants;
    private final List<FunctionAbi> functions;
    private final byte[] code;

    public ModuleImage(List<byte[]> constants, List<FunctionAbi> functions, byte[] code) {
        this.constants = constants.stream().map(byte[]::clone).toList();
        this.functions = List.copyOf(functions);
        this.code = code.clone();
    }

    public List<byte[]> constants() {
        return constants.stream().map(byte[]::clone).toList();
    }

    byte[] constant(int index) {
        return constants.get(index);
    }

    int constantCount() {
        return constants.size();
    }

    public List<FunctionAbi> functions() {
        return functions;
    }

    public byte[] code() {
        return code.clone();
    }

    byte[] codeRaw() {
        return code;
    }

    /** Where function {@code index}'s code ends (exclusive). */
    public int functionEnd(int index) {
        return index + 1 < functions.size() ? functions.get(index + 1).entry() : code.length;
    }

    public byte[] encode() {
        CanonicalWriter w = new CanonicalWriter(code.length + 256);
        w.fixed(MAGIC);
        w.uint(VERSION);
        w.list(constants, CanonicalWriter::bytes);
        w.list(functions, ModuleImage::writeFunction);
        w.bytes(code);
        return w.toByteArray();
    }

    private static void writeFunction(CanonicalWriter w, FunctionAbi f) {
        w.string(f.name());
        w.bool(f.exported());
        w.list(f.params(), (ww, p) -> {
            ww.string(p.name());
            ww.u8(p.type().code());
        });
        w.list(f.results(), (ww, t) -> ww.u8(t.code()));
        w.list(f.locals(), (ww, t) -> ww.u8(t.code()));
        w.uint(f.entry());
    }

    /** Strict decoding and table checks; the code itself is checked by the verifier. */
    public static ModuleImage decode(byte[] bytes) throws VmLoadException {
        if (bytes == null) {
            throw new VmLoadException(VmLoadException.Kind.MALFORMED, "no bytes", -1);
        }
        try {
            CanonicalReader r = new CanonicalReader(bytes);
            byte[] magic = r.fixed(MAGIC.length, "magic");
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new VmLoadException(VmLoadException.Kind.MALFORMED, "not a MutualChain VM module (bad magic)", -1);
            }
            long version = r.varint("version");
            if (version != VERSION) {
                throw new VmLoadException(VmLoadException.Kind.UNSUPPORTED_VERSION,
                        "format version " + Long.toUnsignedString(version) + ", this VM reads " + VERSION, -1);
            }
            int nConst = count(r, "constants", Limits.CONSTANTS_MAX);
            List<byte[]> constants = new ArrayList<>();
            for (int i = 0; i < nConst; i++) {
                int len = count(r, "constant " + i + " length", Limits.BYTES_LENGTH_MAX);
                constants.add(r.fixed(len, "constant " + i));
            }
            int nFun = count(r, "functions", Limits.FUNCTIONS_MAX);
            List<FunctionAbi> functions = new ArrayList<>();
            for (int i = 0; i < nFun; i++) {
                functions.add(readFunction(r, i));
            }
            int codeLen = count(r, "code length", Limits.CODE_BYTES_MAX);
            byte[] code = r.fixed(codeLen, "code");
            r.expectEnd("module");
            checkTable(functions, code.length);
            return new ModuleImage(constants, functions, code);
        } catch (CodecException e) {
            throw new VmLoadException(VmLoadException.Kind.MALFORMED, e.getMessage(), -1);
        }
    }

    private static int count(CanonicalReader r, String what, int max) throws VmLoadException {
        long n = r.varint(what);
        if (n < 0 || n > max) {
            throw new VmLoadException(VmLoadException.Kind.LIMIT_EXCEEDED,
                    what + " is " + Long.toUnsignedString(n) + ", at most " + max, -1);
        }
        return (int) n;
    }

    private static FunctionAbi readFunction(CanonicalReader r, int index) throws VmLoadException {
        String what = "function " + index;
        String name = r.string(what + " name", Limits.NAME_BYTES_MAX);
        boolean exported = r.bool(what + " exported");
        int nParams = count(r, what + " parameters", Limits.PARAMS_MAX);
        List<FunctionAbi.Param> params = new ArrayList<>();
        for (int i = 0; i < nParams; i++) {
            String pName = r.string(what + " parameter name", Limits.NAME_BYTES_MAX);
            params.add(new FunctionAbi.Param(pName, type(r, what + " parameter type")));
        }
        int nResults = count(r, what + " results", Limits.RESULTS_MAX);
        List<ValueType> results = new ArrayList<>();
        for (int i = 0; i < nResults; i++) {
            results.add(type(r, what + " result type"));
        }
        int nLocals = count(r, what + " locals", Limits.LOCALS_MAX);
        if (nParams + nLocals > Limits.LOCALS_MAX) {
            throw new VmLoadException(VmLoadException.Kind.LIMIT_EXCEEDED,
                    what + " has " + (nParams + nLocals) + " locals with its parameters, at most " + Limits.LOCALS_MAX, -1);
        }
        List<ValueType> locals = new ArrayList<>();
        for (int i = 0; i < nLocals; i++) {
            locals.add(type(r, what + " local type"));
        }
        int entry = (int) r.uint(what + " entry", Limits.CODE_BYTES_MAX);
        return new FunctionAbi(name, exported, params, results, locals, entry);
    }

    private static ValueType type(CanonicalReader r, String what) throws VmLoadException {
        int code = r.u8(what);
        ValueType t = ValueType.ofCode(code);
        if (t == null) {
            throw new VmLoadException(VmLoadException.Kind.BAD_INDEX, what + ": unknown type code " + code, -1);
        }
        return t;
    }

    private static void checkTable(List<FunctionAbi> functions, int codeLength) throws VmLoadException {
        if (functions.isEmpty()) {
            throw new VmLoadException(VmLoadException.Kind.BAD_FUNCTION_TABLE, "a module needs at least one function", -1);
        }
        Set<String> names = new HashSet<>();
        int previous = -1;
        for (FunctionAbi f : functions) {
            if (!FunctionAbi.isValidName(f.name()) || f.name().getBytes(StandardCharsets.UTF_8).length != f.name().length()) {
                throw new VmLoadException(VmLoadException.Kind.BAD_FUNCTION_TABLE, "invalid function name '" + f.name() + "'", -1);
            }
            if (!names.add(f.name())) {
                throw new VmLoadException(VmLoadException.Kind.BAD_FUNCTION_TABLE, "function '" + f.name() + "' is defined twice", -1);
            }
            Set<String> paramNames = new HashSet<>();
            for (FunctionAbi.Param p : f.params()) {
                if (!FunctionAbi.isValidName(p.name()) || !paramNames.add(p.name())) {
                    throw new VmLoadException(VmLoadException.Kind.BAD_FUNCTION_TABLE,
                            "function '" + f.name() + "' has an invalid or repeated parameter name '" + p.name() + "'", -1);
                }
            }
            boolean first = previous < 0;
            if ((first && f.entry() != 0) || (!first && f.entry() <= previous) || f.entry() >= codeLength) {
                throw new VmLoadException(VmLoadException.Kind.BAD_FUNCTION_TABLE, "function '" + f.name()
                        + "' has entry " + f.entry() + "; entries must start at 0, increase, and lie inside the "
                        + codeLength + " code bytes", -1);
            }
            previous = f.entry();
        }
    }
}
