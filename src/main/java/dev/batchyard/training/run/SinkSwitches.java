package dev.batchyard.training.run;

import dev.batchyard.runtime.SimulatedSinks;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the timeline did to each simulated sink (outage, failure rate, latency), kept outside the
 * store: a crash and restart of Batchyard builds its sinks afresh, but heals no real sink, so the
 * switches are set again on the new ones. Thread-safe.
 */
final class SinkSwitches {
    private final Map<String, Boolean> outage = new ConcurrentHashMap<>();
    private final Map<String, Double> failureRate = new ConcurrentHashMap<>();
    private final Map<String, Duration> latency = new ConcurrentHashMap<>();

    void setOutage(SimulatedSinks sinks, String sink, boolean down) {
        outage.put(sink, down);
        sinks.setOutage(sink, down);
    }

    void setFailureRate(SimulatedSinks sinks, String sink, double rate) {
        failureRate.put(sink, rate);
        sinks.setFailureRate(sink, rate);
    }

    void setLatency(SimulatedSinks sinks, String sink, Duration value) {
        latency.put(sink, value);
        sinks.setLatency(sink, value);
    }

    /** Sets every switch the timeline set so far on {@code sinks} (a restarted store's). */
    void applyTo(SimulatedSinks sinks) {
        outage.forEach(sinks::setOutage);
        failureRate.forEach(sinks::setFailureRate);
        latency.forEach(sinks::setLatency);
    }
}
