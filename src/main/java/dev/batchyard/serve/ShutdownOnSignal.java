package dev.batchyard.serve;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How {@code batchyard serve} ends: a JVM shutdown hook, which SIGTERM (systemd's stop), SIGINT
 * (Ctrl-C) and SIGHUP run, drains the service ({@link Serving#close()}: stop accepting, finish the
 * requests under way, close the store with a checkpoint) and ends the process with status 0, or 1
 * when the drain failed. The drain is bounded: if it has not ended after {@code bound} (a request
 * that never finishes, a disk that hangs), the process is halted with status 1 and says so, since
 * nothing a hung drain could still do is worth an operator's {@code kill -9}: every acknowledged
 * batch is already durable. A second signal while draining changes nothing (the JVM is already
 * shutting down), and the bound still holds. Only {@code serve} installs this, once.
 */
public final class ShutdownOnSignal {
    /** Within systemd's {@code TimeoutStopSec=60} (packaging/linux/batchyard.service), with room. */
    public static final Duration BOUND = Duration.ofSeconds(45);

    private ShutdownOnSignal() {
    }

    /** Installs the hook for {@code serving}; the caller's thread may then wait for good. */
    public static void install(Serving serving, Duration bound) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            int status = drain(serving::close, bound);
            System.err.flush();
            // a signal ends the JVM with 128 + its number; a drain that ended well is a clean stop, status 0
            Runtime.getRuntime().halt(status);
        }, "batchyard-shutdown"));
    }

    /**
     * Runs {@code close} on a thread of its own and waits for it up to {@code bound}: 0 when it
     * ended, 1 when it failed (said on stderr) or is still running at the bound (said too; the
     * thread is a daemon and is left behind).
     */
    static int drain(Runnable close, Duration bound) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger status = new AtomicInteger(1);
        Thread drain = new Thread(() -> {
            try {
                close.run();
                status.set(0);
            } catch (RuntimeException | Error e) {
                System.err.println("batchyard: stopping failed: " + e);
                e.printStackTrace();
            } finally {
                done.countDown();
            }
        }, "batchyard-drain");
        drain.setDaemon(true);
        drain.start();
        boolean ended;
        try {
            ended = done.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            System.err.println("batchyard: stopping took longer than " + bound.toSeconds() + " s; exiting now"
                    + " (every acknowledged batch is on disk; the next start replays the log's tail)");
            return 1;
        }
        return status.get();
    }
}
