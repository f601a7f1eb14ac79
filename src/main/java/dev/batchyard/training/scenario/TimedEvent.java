package dev.batchyard.training.scenario;

import java.time.Duration;
import java.util.Objects;

/** An event at {@code at} of scenario time (from the scenario's start). */
public record TimedEvent(Duration at, ScenarioEvent event) {
    public TimedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
    }
}
