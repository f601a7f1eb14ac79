package dev.batchyard.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.engine.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationParserTest {

    @Test
    void readsSingleUnits() {
        assertEquals(Duration.ofSeconds(30), GoDurationParser.parse("30s", "k"));
        assertEquals(Duration.ofMillis(500), GoDurationParser.parse("500ms", "k"));
        assertEquals(Duration.ofNanos(1500), GoDurationParser.parse("1.5us", "k"));
        assertEquals(Duration.ofHours(2), GoDurationParser.parse("2h", "k"));
    }

    @Test
    void readsCompoundsAndFractions() {
        assertEquals(Duration.ofSeconds(90), GoDurationParser.parse("1m30s", "k"));
        assertEquals(Duration.ofMinutes(90), GoDurationParser.parse("1.5h", "k"));
        assertEquals(Duration.ofMinutes(90).plusMillis(250), GoDurationParser.parse("1h30m250ms", "k"));
    }

    @Test
    void readsZeroWithoutUnitLikeGo() {
        assertEquals(Duration.ZERO, GoDurationParser.parse("0", "k"));
    }

    @Test
    void refusesANumberWithoutUnitNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> GoDurationParser.parse("30", "sinks.loki.timeout"));
        assertEquals("sinks.loki.timeout", e.key());
    }

    @Test
    void refusesUnknownUnitsAndGarbage() {
        assertThrows(ConfigException.class, () -> GoDurationParser.parse("3d", "k"));
        assertThrows(ConfigException.class, () -> GoDurationParser.parse("s", "k"));
        assertThrows(ConfigException.class, () -> GoDurationParser.parse("1m 30s", "k"));
        assertThrows(ConfigException.class, () -> GoDurationParser.parse("", "k"));
    }
}
