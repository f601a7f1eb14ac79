package dev.batchyard.time;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times kept as numbers (epoch seconds, nanoseconds, offset), as the store's binary formats keep them. */
public final class EpochTime {
    private EpochTime() {
    }

    /**
     * The time with its offset. Not {@code OffsetDateTime.ofInstant}, which builds a
     * {@code ZoneRules} for the offset on every call (a replay of a million batches noticed).
     *
     * @throws java.time.DateTimeException when a part is out of range
     */
    public static OffsetDateTime of(long epochSecond, int nano, int offsetSeconds) {
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(offsetSeconds);
        return OffsetDateTime.of(LocalDateTime.ofEpochSecond(epochSecond, nano, zone), zone);
    }
}
