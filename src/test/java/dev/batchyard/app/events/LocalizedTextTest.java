package dev.batchyard.app.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {
    private final LocalizedText inTest = PanelTexts.english();

    @Test
    void durationsPickTheUnitThatReadsBest() {
        assertEquals("850 ms", inTest.duration(Duration.ofMillis(850)));
        assertEquals("1.2 s", inTest.duration(Duration.ofMillis(1234)));
        assertEquals("3 min 5 s", inTest.duration(Duration.ofSeconds(185)));
        assertEquals("25 h 0 min", inTest.duration(Duration.ofHours(25)));
    }

    @Test
    void sizesUseBinaryUnits() {
        assertEquals("512 B", inTest.bytes(512));
        assertEquals("47.2 KiB", inTest.bytes(48_300));
        assertEquals("5.0 MiB", inTest.bytes(5 * 1024 * 1024));
        assertEquals("2.0 GiB", inTest.bytes(2L * 1024 * 1024 * 1024));
    }

    @Test
    void timesAreShownInTheConfiguredZone() {
        assertEquals("2:03:07 PM", inTest.time(SampleEvents.T0));
    }
}
