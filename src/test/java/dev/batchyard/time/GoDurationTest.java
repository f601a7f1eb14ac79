package dev.batchyard.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
    @ParameterizedTest
    @CsvSource({
        "300ms, 300000000",
        "1.5h, 5400000000000",
        "1h30m, 5400000000000",
        "2h45m30.5s, 9930500000000",
        "90s, 90000000000",
        "10us, 10000",
        "10µs, 10000",
        "10μs, 10000",
        "7ns, 7",
        "0, 0",
        ".5s, 500000000",
        "1.s, 1000000000",
        "-1m, -60000000000",
        "+2s, 2000000000",
        "1.0000000009s, 1000000000",
    })
    void parsesGoSyntax(String text, long nanos) {
        assertEquals(Duration.ofNanos(nanos), GoDuration.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "1.5", "1d", "1 h", "h", ".s", "1..5s", "1h-30m", "3000000h", "١s"})
    void rejectsWhatGoRejects(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"5400000000000, 1h30m0s", "30000000000, 30s", "1500000, 1.5ms", "0, 0s", "90500000000, 1m30.5s"})
    void formatsLikeGo(long nanos, String text) {
        assertEquals(text, GoDuration.format(Duration.ofNanos(nanos)));
    }
}
