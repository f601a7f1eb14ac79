package dev.batchyard.app.training;

import java.time.Duration;

/** Scenario time as a trainee reads a timer: {@code m:ss}, {@code h:mm:ss} from an hour. */
final class ScenarioTime {
    private ScenarioTime() {
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
