package io.mutualchain.node.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** CPU time of this process, for {@code mc_process_cpu_nanoseconds_total}; -1 where the JVM cannot tell. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
