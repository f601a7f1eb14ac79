package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.i18n.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages inTest = new Messages(Language.BRAZILIAN_PORTUGUESE, ZoneId.of("America/Sao_Paulo"));

    @Test
    void numbersUseTheBrazilianDigitGrouping() {
        assertEquals("1.234.567", inTest.number(1_234_567));
    }

    @Test
    void timesAreShownInTheCliZoneTheBrazilianWay() {
        assertEquals("26/11/2026 15:00:00", inTest.time(Instant.parse("2026-11-26T18:00:00Z")));
    }

    @Test
    void pluralsAreWordedPerCount() {
        assertEquals("1 lote, 1 entrada", inTest.get("stats.summary", 1, 1));
        assertEquals("2 lotes, 1.500 entradas", inTest.get("stats.summary", 2, 1500));
    }

    @Test
    void englishIsEnglishEvenWhereThePortugueseBundleWouldMatchTheOs() {
        Messages english = new Messages(Language.ENGLISH, ZoneOffset.UTC);

        assertEquals("1 batch, 2 entries", english.get("stats.summary", 1, 2));
        assertEquals("12 ms", english.millis(Duration.ofMillis(12)));
    }
}
