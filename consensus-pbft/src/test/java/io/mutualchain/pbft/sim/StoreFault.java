package io.mutualchain.pbft.sim;

/** The faults a real store has, injected into honest replicas' stores during the fault phase (after TigerBeetle's simulator). */
enum StoreFault {
    /** A synced write of consensus records fails: nothing of the batch is written and the replica halts (a crash). */
    WRITE_FAILS,
    /** The records are written, then the replica crashes before its messages leave. */
    CRASH_BETWEEN_PERSIST_AND_SEND,
    /** The replica crashes applying a committed block, before the chain write. */
    CRASH_BEFORE_CHAIN_WRITE,
    /** The replica crashes applying a committed block, after the chain write but before the engine hears of it. */
    CRASH_AFTER_CHAIN_WRITE,
    /** Reading the records at restart fails: the replica stays down and tries again later. */
    READ_FAILS
}
