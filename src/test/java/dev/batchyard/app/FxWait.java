package dev.batchyard.app;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits in window tests for the state a test needs, polled, never slept: under load (CI runs the
 * suite on a busy machine) a fixed pause is either too short or wasted. The failure says what was
 * awaited, as the condition saw it when time ran out.
 */
public final class FxWait {
    /** Long enough for a loaded machine: these waits end as soon as the condition holds. */
    public static final int SECONDS = 20;

    private FxWait() {
    }

    /** Waits up to {@value #SECONDS} s for {@code condition}. */
    public static void until(Callable<Boolean> condition) {
        until(SECONDS, () -> "condition", condition);
    }

    /** Waits up to {@code seconds} for {@code condition}; the failure names {@code what}. */
    public static void until(int seconds, String what, Callable<Boolean> condition) {
        until(seconds, () -> what, condition);
    }

    /** As {@link #until(int, String, Callable)}, {@code what} read when time ran out (it may show the state). */
    public static void until(int seconds, Supplier<String> what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError(what.get() + ": not within " + seconds + " s", e);
        }
    }
}
