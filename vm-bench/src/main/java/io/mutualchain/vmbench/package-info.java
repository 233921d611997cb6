/**
 * JMH benchmarks that run the same three workloads (a tight arithmetic loop, a storage-heavy loop,
 * a hash loop) on the contract VM with gas metering on, on two reference interpreters on the JVM
 * (Chicory for WebAssembly, LuaJ for Lua) and as plain Java, the ceiling. Kept out of the normal
 * build (Maven profile {@code bench}) because a benchmark is not a test.
 */
package io.mutualchain.vmbench;
