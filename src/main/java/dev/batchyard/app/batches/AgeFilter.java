package dev.batchyard.app.batches;

import java.time.Duration;

/** The age choices of the filter bar; {@link #key()} names the label in the bundle. */
public enum AgeFilter {
    ANY(null),
    OLDER_THAN_1_MINUTE(Duration.ofMinutes(1)),
    OLDER_THAN_10_MINUTES(Duration.ofMinutes(10)),
    OLDER_THAN_1_HOUR(Duration.ofHours(1)),
    OLDER_THAN_1_DAY(Duration.ofDays(1));

    private final Duration minAge;

    AgeFilter(Duration minAge) {
        this.minAge = minAge;
    }

    /** The minimum age, or {@code null} for any. */
    public Duration minAge() {
        return minAge;
    }

    public String key() {
        return "filter.age." + name();
    }
}
