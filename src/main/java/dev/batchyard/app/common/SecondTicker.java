package dev.batchyard.app.common;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A pulse task that passes the clock's instant on once per second: relative times ("in 12 s")
 * need a tick, but not sixty a second.
 */
public final class SecondTicker implements Runnable {
    private final Clock clock;
    private final Consumer<Instant> target;
    private long lastSecond = Long.MIN_VALUE;

    public SecondTicker(Clock clock, Consumer<Instant> target) {
        this.clock = clock;
        this.target = target;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        if (now.getEpochSecond() != lastSecond) {
            lastSecond = now.getEpochSecond();
            target.accept(now);
        }
    }
}
