package dev.batchyard.training.scenario;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A training scenario, as read from its YAML file ({@link ScenarioReader} documents the format):
 * the store's settings, background traffic, a timeline of events, and the trainee's tasks.
 */
public record Scenario(String name, Text title, Text summary, StoreSettings store, Traffic traffic,
                       List<TimedEvent> timeline, List<Task> tasks) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(store, "store");
        timeline = timeline.stream().sorted(Comparator.comparing(TimedEvent::at)).toList();
        tasks = List.copyOf(tasks);
    }

    /** When the last task's deadline falls: the scenario is over by then at the latest. */
    public Duration end() {
        return tasks.stream().map(Task::deadline).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /**
     * The demo traffic that runs throughout, or none.
     *
     * @param perSecond batches per second of scenario time
     */
    public record Traffic(double perSecond, int entries, List<String> sinks) {
        public Traffic {
            sinks = List.copyOf(sinks);
        }
    }

    /** The store's limits for the scenario; {@code null} fields keep the Go defaults. */
    public record StoreSettings(Integer maxPendingBatches, Long maxPendingBytes, Integer maxRecoveryRetries,
                                Duration batchTtl) {
        public static StoreSettings defaults() {
            return new StoreSettings(null, null, null, null);
        }
    }
}
