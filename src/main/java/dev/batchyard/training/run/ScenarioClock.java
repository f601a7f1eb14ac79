package dev.batchyard.training.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a scenario's store runs on: from {@code start}, it runs {@code speed} times as fast as
 * real time (1 when someone watches; more for a headless run). The engine takes every time from it
 * (backoff, next attempts, breaker cool-downs, TTLs), so a faster clock makes the store's waits
 * shorter while the simulated sinks keep their real latency.
 *
 * <p><b>Paced by its run.</b> Scenario time moves at most {@link #MAX_LEAD} past the run's last
 * {@link #tick()}: when the run's thread stalls (a loaded machine, a slow fsync), time stands still
 * instead of racing 20 times ahead of a run that cannot act, so a task's deadline is never missed
 * because the trainee's side was not scheduled. Monotonic and continuous (a tick adds exactly
 * what the clock showed); thread-safe: one thread ticks, any thread reads.
 */
public final class ScenarioClock extends Clock {
    /** How far scenario time may run ahead of the run's last tick. */
    public static final Duration MAX_LEAD = Duration.ofSeconds(1);

    /** Scenario time at the last tick, and the real time ({@link System#nanoTime()}) of that tick. */
    private record Mark(long elapsedNanos, long realNanos) {
    }

    private final Instant start;
    private final double speed;
    private final ZoneId zone;
    private final AtomicReference<Mark> mark;

    private ScenarioClock(Instant start, AtomicReference<Mark> mark, double speed, ZoneId zone) {
        if (!(speed >= 1 && speed <= 1000)) {
            throw new IllegalArgumentException("a scenario clock runs 1 to 1000 times real time, not " + speed);
        }
        this.start = start;
        this.mark = mark;
        this.speed = speed;
        this.zone = zone;
    }

    /** Starting now, at the wall clock's instant. */
    public static ScenarioClock startingNow(double speed) {
        return new ScenarioClock(Instant.now(), new AtomicReference<>(new Mark(0, System.nanoTime())), speed,
                ZoneId.systemDefault());
    }

    /** The instant scenario time 0 shows. */
    public Instant start() {
        return start;
    }

    public double speed() {
        return speed;
    }

    /** The run steps: scenario time goes on from what it shows now. Called by the run's one thread. */
    public void tick() {
        long now = System.nanoTime();
        mark.set(new Mark(elapsedNanos(mark.get(), now), now));
    }

    /** Scenario time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos(mark.get(), System.nanoTime()));
    }

    private long elapsedNanos(Mark m, long now) {
        long ahead = Math.round((now - m.realNanos()) * speed);
        return m.elapsedNanos() + Math.min(ahead, MAX_LEAD.toNanos());
    }

    /** How long real time takes to pass {@code scenarioTime} (when the run keeps up). */
    public Duration real(Duration scenarioTime) {
        return Duration.ofNanos(Math.round(scenarioTime.toNanos() / speed));
    }

    @Override
    public Instant instant() {
        return start.plus(elapsed());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ScenarioClock(start, mark, speed, other);
    }
}
