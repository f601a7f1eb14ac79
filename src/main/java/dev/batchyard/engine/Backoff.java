package dev.batchyard.engine;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before retry {@code n}: {@code min(max, base · 2^(n-1))}, spread by ±20 % jitter so a
 * sink that comes back is not hit by its whole backlog at the same instant. Never above
 * {@code max}.
 */
public final class Backoff {
    private static final double JITTER = 0.2;
    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1): injected so tests are deterministic */
    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The delay after the {@code retries}-th failure (1 for the first). */
    public Duration delayAfter(int retries) {
        int exponent = Math.max(0, Math.min(retries - 1, 40));
        double nominal = Math.min(max.toNanos(), base.toNanos() * Math.pow(2, exponent));
        double jittered = nominal * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        return Duration.ofNanos((long) Math.min(max.toNanos(), jittered));
    }
}
