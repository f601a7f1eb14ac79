package dev.batchyard.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after the collector has had every chance to clear garbage. */
final class Heap {
    private Heap() {
    }

    static long usedAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
