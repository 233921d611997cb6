package io.mutualchain.ledger.exec;

import io.mutualchain.core.crypto.Hash32;
import io.mutualchain.vm.Module;
import io.mutualchain.vm.ModuleLoader;
import io.mutualchain.vm.VmLoadException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verified, compiled modules by code hash. Loading (decode, verify, translate) is pure, so caching it
 * changes no result, only the time a call takes: a contract called in every block is verified once,
 * not once per call. Bounded by {@link #ENTRIES_MAX}, least recently used out first; shared by all
 * threads (block execution and read-only calls), hence synchronized.
 */
final class ModuleCache {
    /** Modules kept compiled; a module is at most a few hundred KiB of code and tables. */
    static final int ENTRIES_MAX = 64;

    private static final Map<Hash32, Module> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash32, Module> eldest) {
            return size() > ENTRIES_MAX;
        }
    };

    private ModuleCache() {
    }

    /** The module with these bytes, whose SHA-256 is {@code codeHash}. */
    static Module load(Hash32 codeHash, byte[] bytes) throws VmLoadException {
        synchronized (CACHE) {
            Module m = CACHE.get(codeHash);
            if (m != null) {
                return m;
            }
        }
        Module loaded = ModuleLoader.load(bytes);
        synchronized (CACHE) {
            CACHE.put(codeHash, loaded);
        }
        return loaded;
    }
}
