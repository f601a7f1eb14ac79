package dev.batchyard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@code threads} producers against an open design for a time budget and counts finished
 * steps. The clock starts when every producer is ready and stops when the last one returns (so a
 * slow final call is charged in full).
 */
final class TimedRun {

    /** @param cpuNanos CPU time the producer threads used while timed (codec and the caller's share of the engine) */
    record Outcome(long steps, long bytes, long nanos, long cpuNanos) {
        double cpuMicrosPerStep() {
            return steps == 0 ? 0 : cpuNanos / 1e3 / steps;
        }

        double perSecond() {
            return steps * 1e9 / nanos;
        }

        double megabytesPerSecond() {
            return bytes * 1e9 / nanos / 1e6;
        }
    }

    private TimedRun() {
    }

    static Outcome run(Design design, Workload work, List<Sample> samples, int threads, long budgetNanos,
                       String runId) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong steps = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        AtomicLong deadline = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> producers = new ArrayList<>();
        List<Workload.Producer> states = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Workload.Producer p = new Workload.Producer(runId + "-t" + t, samples, 31L * t + runId.hashCode());
            states.add(p);
            Thread thread = new Thread(() -> {
                try {
                    work.prepare(design, p);
                    ready.countDown();
                    go.await();
                    long cpuStart = threadsBean.getCurrentThreadCpuTime();
                    long mySteps = 0;
                    long myBytes = 0;
                    // at least one step each, so the slowest design still yields a rate
                    do {
                        long b = work.step(design, p);
                        if (b > 0) {
                            mySteps++;
                            myBytes += b;
                        }
                    } while (System.nanoTime() < deadline.get());
                    cpu.addAndGet(threadsBean.getCurrentThreadCpuTime() - cpuStart);
                    steps.addAndGet(mySteps);
                    bytes.addAndGet(myBytes);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    ready.countDown();
                }
            }, "producer-" + t);
            producers.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline.set(start + budgetNanos);
        go.countDown();
        for (Thread t : producers) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(runId + " failed: " + failure.get(), failure.get());
        }
        for (Workload.Producer p : states) {
            work.drain(design, p);
        }
        return new Outcome(steps.get(), bytes.get(), nanos, cpu.get());
    }
}
