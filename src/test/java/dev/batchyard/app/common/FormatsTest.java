package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final Formats inTest = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);
    /** As the live event stream's tests build it. */
    private final Formats us = new Formats(new Messages(Locale.US), ZoneOffset.UTC);

    @Test
    void countsGroupThousandsTheLocalesWay() {
        assertEquals("1,204", inTest.count(1_204));
        assertEquals("1.204", new Formats(new Messages(Locale.GERMANY), ZoneOffset.UTC).count(1_204));
    }

    @Test
    void sizesUseBinaryMultiples() {
        assertEquals("512 B", inTest.bytes(512));
        assertEquals("1.5 KB", inTest.bytes(1_536));
        assertEquals("12.0 MB", inTest.bytes(12L * 1024 * 1024));
    }

    @Test
    void iecSizesUseBinaryUnits() {
        assertEquals("512 B", us.iecBytes(512));
        assertEquals("47.2 KiB", us.iecBytes(48_300));
        assertEquals("5.0 MiB", us.iecBytes(5 * 1024 * 1024));
        assertEquals("2.0 GiB", us.iecBytes(2L * 1024 * 1024 * 1024));
    }

    @Test
    void durationsPickTheLargestSensibleUnits() {
        assertEquals("45 s", inTest.duration(Duration.ofSeconds(45)));
        assertEquals("12 min", inTest.duration(Duration.ofMinutes(12).plusSeconds(59)));
        assertEquals("3 h 5 min", inTest.duration(Duration.ofMinutes(185)));
        assertEquals("2 d 4 h", inTest.duration(Duration.ofHours(52)));
    }

    @Test
    void elapsedTimesPickTheUnitThatReadsBest() {
        assertEquals("850 ms", us.elapsed(Duration.ofMillis(850)));
        assertEquals("1.2 s", us.elapsed(Duration.ofMillis(1234)));
        assertEquals("3 min 5 s", us.elapsed(Duration.ofSeconds(185)));
        assertEquals("25 h 0 min", us.elapsed(Duration.ofHours(25)));
    }

    @Test
    void attemptTimesAreElapsedUnderAMinuteThenDurations() {
        assertEquals("85 ms", inTest.millis(Duration.ofMillis(85)));
        assertEquals("2.4 s", inTest.millis(Duration.ofMillis(2_400)));
        assertEquals("3 min", inTest.millis(Duration.ofSeconds(185)));
    }

    @Test
    void relativeTimesSayWhetherAheadOrPast() {
        assertEquals("in 12 s", inTest.relative(NOW.plusSeconds(12), NOW));
        assertEquals("3 min ago", inTest.relative(NOW.minusSeconds(200), NOW));
    }

    @Test
    void timesAreShownInTheConfiguredZone() {
        assertEquals("2:03:07 PM", us.time(Instant.parse("2026-03-14T14:03:07Z")));
    }
}
