package dev.batchyard.sink.simulated;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sink that only pretends, for demos and tests: each delivery answers after {@code latency};
 * it fails (retryably) with probability {@code failure_rate}, and always while the outage switch
 * is on. A batch holding an entry labelled {@link #POISON_LABEL} is refused for good (a
 * permanent failure, as a real sink refuses an entry it cannot take), whatever the switches say:
 * the trainer's poison. Latency, failure rate and outage can be changed while it runs. It counts what it was
 * sent and what it accepted, per batch id, so a test or the demo can show duplicates.
 *
 * <p><b>Redelivery:</b> at-least-once, like a real sink without deduplication: a batch accepted
 * twice is counted twice, and {@link SimulatedCounts#duplicateBatches()} says how many were.
 */
public final class SimulatedSink implements Sink {
    /** The label whose presence on an entry makes every simulated sink refuse its batch for good. */
    public static final String POISON_LABEL = "simulated_poison";

    private final String name;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private volatile Duration latency;
    private volatile double failureRate;
    private volatile boolean outage;
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong acceptedEntries = new AtomicLong();
    private final Map<String, Integer> acceptedBatches = new ConcurrentHashMap<>();

    public SimulatedSink(String name, Duration latency, double failureRate, boolean outage,
                         ScheduledExecutorService scheduler, Random random) {
        this.name = name;
        this.scheduler = scheduler;
        this.random = random;
        setLatency(latency);
        setFailureRate(failureRate);
        this.outage = outage;
    }

    public static SimulatedSink read(String name, ConfigNode node, ScheduledExecutorService scheduler, Random random) {
        return new SimulatedSink(name, node.duration("latency", Duration.ofMillis(20), false),
                node.fraction("failure_rate", 0), node.bool("outage", false), scheduler, random);
    }

    /** The enabled simulated sink {@code name} of {@code registry}, for the demo's break and heal controls. */
    public static Optional<SimulatedSink> in(SinkRegistry registry, String name) {
        return registry.sink(name).filter(SimulatedSink.class::isInstance).map(SimulatedSink.class::cast);
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        attempts.incrementAndGet();
        CompletableFuture<DeliveryOutcome> answer = new CompletableFuture<>();
        Runnable respond = () -> answer.complete(answerFor(batch));
        long delay = latency.toNanos();
        if (delay == 0) {
            scheduler.execute(respond);
        } else {
            scheduler.schedule(respond, delay, TimeUnit.NANOSECONDS);
        }
        return answer;
    }

    private DeliveryOutcome answerFor(Batch batch) {
        if (batch.entries().stream().anyMatch(e -> e.labels() != null && e.labels().containsKey(POISON_LABEL))) {
            failures.incrementAndGet();
            return DeliveryOutcome.permanent("simulated rejection by " + name + ": HTTP 400 an entry is malformed");
        }
        if (outage) {
            failures.incrementAndGet();
            return DeliveryOutcome.retryable("simulated outage of " + name + ": connection refused");
        }
        if (random.nextDouble() < failureRate) {
            failures.incrementAndGet();
            return DeliveryOutcome.retryable("simulated failure of " + name + ": HTTP 503 service unavailable");
        }
        acceptedBatches.merge(batch.id(), 1, Integer::sum);
        acceptedEntries.addAndGet(batch.entries().size());
        return DeliveryOutcome.delivered();
    }

    public void setOutage(boolean on) {
        outage = on;
    }

    public boolean isOutage() {
        return outage;
    }

    public void setFailureRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("failure rate of " + name + " must be in [0, 1], was " + rate);
        }
        failureRate = rate;
    }

    public double failureRate() {
        return failureRate;
    }

    public void setLatency(Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("latency of " + name + " must be >= 0, was " + value);
        }
        latency = value;
    }

    public Duration latency() {
        return latency;
    }

    /** A consistent-enough snapshot of the counters (each counter is exact; they are read one by one). */
    public SimulatedCounts counts() {
        int duplicates = (int) acceptedBatches.values().stream().filter(n -> n > 1).count();
        return new SimulatedCounts(attempts.get(), failures.get(), acceptedBatches.size(), acceptedEntries.get(),
                duplicates, Map.copyOf(acceptedBatches));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "simulated";
    }

    @Override
    public String describe() {
        return "simulated sink (latency " + latency.toMillis() + " ms, failure rate "
                + Math.round(failureRate * 100) + "%" + (outage ? ", OUTAGE" : "") + ")";
    }

    @Override
    public Duration timeout() {
        return latency.plusSeconds(30);
    }

    @Override
    public String toString() {
        return "SimulatedSink[" + name + ", " + describe() + "]";
    }
}
