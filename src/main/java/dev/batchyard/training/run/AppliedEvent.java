package dev.batchyard.training.run;

import dev.batchyard.training.scenario.ScenarioEvent;
import java.time.Duration;

/**
 * An event of the timeline as it happened: at which scenario time, and what went wrong when the
 * world refused it (a burst into a full store), else empty.
 */
public record AppliedEvent(Duration at, ScenarioEvent event, String failure) {
}
