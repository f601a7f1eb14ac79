package dev.batchyard.training.scenario;

import java.time.Duration;

/**
 * What happens to the trainee's world at a point of a scenario's timeline. Events that make batches
 * name them with a {@code tag}, which the tasks' checks and the solver's steps refer to.
 */
public sealed interface ScenarioEvent {

    /** The simulated sink fails every delivery, as if unreachable. */
    record Break(String sink) implements ScenarioEvent {
    }

    /** The simulated sink answers again. */
    record Heal(String sink) implements ScenarioEvent {
    }

    /** The share of deliveries the sink fails while up. */
    record FailureRate(String sink, double rate) implements ScenarioEvent {
    }

    /** How long the sink takes to answer each delivery (in real time: it is the sink's own pace). */
    record Latency(String sink, Duration latency) implements ScenarioEvent {
    }

    /** {@code batches} batches of {@code entries} demo entries for {@code sink} at once. */
    record Burst(String tag, String sink, int batches, int entries) implements ScenarioEvent {
    }

    /**
     * Batches each holding one entry the sink refuses for good (a permanent failure: they go
     * {@code DEAD} at their first attempt): Batchyard's entries are kept whole, so poison is a batch.
     */
    record Poison(String tag, String sink, int batches) implements ScenarioEvent {
    }

    /** Batches created {@code age} ago (as an agent restarted after a long outage brings them): near their TTL. */
    record TtlWave(String tag, String sink, int batches, Duration age) implements ScenarioEvent {
    }

    /** Large batches for {@code sink} until the store's pending bytes reach {@code percent} of {@code max_pending_bytes}. */
    record Fill(String tag, String sink, int percent) implements ScenarioEvent {
    }

    /**
     * The engine dies and restarts: a real close without a checkpoint, and a reopen that replays the
     * log. The simulated sinks keep what the timeline did to them (a restart of Batchyard heals no sink).
     */
    record Crash() implements ScenarioEvent {
    }

    /** A cleanup pass runs now (batches older than {@code batch_ttl} expire), as the timed one would. */
    record Cleanup() implements ScenarioEvent {
    }

    /** Someone other than the trainee pauses the recovery loop. */
    record PauseRecovery() implements ScenarioEvent {
    }

    /** The sink breaks, heals after {@code period}, breaks again... {@code times} outages in all. */
    record Flap(String sink, Duration period, int times) implements ScenarioEvent {
    }
}
