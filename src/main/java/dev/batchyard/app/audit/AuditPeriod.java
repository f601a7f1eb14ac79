package dev.batchyard.app.audit;

import java.time.Duration;
import java.time.Instant;

/** How far back the audit view looks: the time filter, counted back from when the view reads. */
public enum AuditPeriod {
    ANY(null), LAST_HOUR(Duration.ofHours(1)), LAST_DAY(Duration.ofDays(1)), LAST_WEEK(Duration.ofDays(7));

    private final Duration back;

    AuditPeriod(Duration back) {
        this.back = back;
    }

    /** The earliest instant this period takes in at {@code now}; {@code null} for {@link #ANY}. */
    public Instant since(Instant now) {
        return back == null ? null : now.minus(back);
    }

    /** Its words in the bundle. */
    public String key() {
        return switch (this) {
            case ANY -> "audit.period.any";
            case LAST_HOUR -> "audit.period.hour";
            case LAST_DAY -> "audit.period.day";
            case LAST_WEEK -> "audit.period.week";
        };
    }
}
