package dev.batchyard.codec.gojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoTimeTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-26T15:11:12.123456789-03:00",
        "2026-11-26T15:11:12.1+05:45",
        "2026-11-26T15:11:12Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999+14:00",
        "2026-02-28T00:00:00.00000001-12:00",
    })
    void writesBackEveryGoTimeAsItWasWritten(String text) {
        GoTime.Parsed parsed = GoTime.parse(text);
        assertTrue(parsed.canonical());
        assertEquals(text, GoTime.format(parsed.time()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T15:11:12+00:00", "2026-11-26T15:11:12-00:00", "2026-11-26T15:11:12.500Z",
        "2026-11-26T15:11:12.000000000Z"})
    void recognisesSpellingsGoWouldNotWrite(String text) {
        assertFalse(GoTime.parse(text).canonical());
    }

    @Test
    void keepsTheOffsetAndEveryNanosecond() {
        assertEquals(OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 123_456_789, ZoneOffset.ofHoursMinutes(5, 45)),
                GoTime.parse("2026-11-26T15:11:12.123456789+05:45").time());
    }

    @Test
    void writesANullTimeAsGosZeroTime() {
        assertEquals("0001-01-01T00:00:00Z", GoTime.format(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26", "2026-11-26T15:11:12", "2026-11-26 15:11:12Z", "2026-13-26T15:11:12Z",
        "2026-11-26T24:00:00Z", "2026-11-26T15:11:12.1234567891Z", "2026-11-26T15:11:12.Z", "2026-11-26T15:11:12+0300",
        "2026-02-30T00:00:00Z", "2026-11-26t15:11:12z"})
    void rejectsWhatIsNotRfc3339NamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoTime.parse(text));
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void refusesYearsGoCannotWrite() {
        assertThrows(IllegalArgumentException.class,
                () -> GoTime.format(OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
    }
}
