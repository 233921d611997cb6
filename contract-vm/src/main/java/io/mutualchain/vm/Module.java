package io.mutualchain.vm;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.core.crypto.Sha256;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified, compiled, immutable module: the only thing the interpreter runs. Obtained from
 * {@link ModuleLoader#load}; safe to cache and share between threads and runs.
 */
public final class Module {
    private final byte[] bytes;
    private final ModuleImage image;
    private final Program program;
    private final GasSchedule gasSchedule;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Hash32 codeHash;

    Module(byte[] bytes, ModuleImage image, Program program, GasSchedule gasSchedule) {
        this.bytes = bytes.clone();
        this.image = image;
        this.program = program;
        this.gasSchedule = gasSchedule;
        for (int i = 0; i < image.functions().size(); i++) {
            byName.put(image.functions().get(i).name(), i);
        }
        this.codeHash = Sha256.hash(this.bytes);
    }

    /** The module's canonical bytes, exactly as loaded. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** SHA-256 of {@link #toBytes()}: what the ledger records as the contract's code hash. */
    public Hash32 codeHash() {
        return codeHash;
    }

    public ModuleImage image() {
        return image;
    }

    /** All functions in table order, exported or not. */
    public List<FunctionAbi> functions() {
        return image.functions();
    }

    /** The exported function with this name: the module's ABI as outside callers see it. */
    public Optional<FunctionAbi> exported(String name) {
        Integer i = byName.get(name);
        if (i == null || !image.functions().get(i).exported()) {
            return Optional.empty();
        }
        return Optional.of(image.functions().get(i));
    }

    public GasSchedule gasSchedule() {
        return gasSchedule;
    }

    int indexOf(String name) {
        Integer i = byName.get(name);
        return i == null ? -1 : i;
    }

    Program program() {
        return program;
    }
}
