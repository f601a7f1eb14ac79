package dev.batchyard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.LogEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoEntriesTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static List<LogEntry> take(DemoEntries inTest, int n) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(inTest.next());
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameEntries() {
        assertEquals(take(new DemoEntries(new Random(5), clock), 50), take(new DemoEntries(new Random(5), clock), 50));
    }

    @Test
    void differentSeedsGiveDifferentEntries() {
        assertNotEquals(take(new DemoEntries(new Random(5), clock), 5), take(new DemoEntries(new Random(6), clock), 5));
    }

    @Test
    void coversEveryLevelAndSometimesCarriesAJavaStackTrace() {
        List<LogEntry> entries = take(new DemoEntries(new Random(1), clock), 1000);

        Set<String> levels = new HashSet<>();
        entries.forEach(e -> levels.add(e.level()));
        assertEquals(Set.of("info", "warn", "error", "debug"), levels);
        long traces = entries.stream().filter(e -> e.message().contains("\n\tat com.shop.")).count();
        assertTrue(traces > 5 && traces < 100, "stack traces: " + traces);
    }

    @Test
    void carriesTraceIdsLabelsAndTheClocksTime() {
        LogEntry e = new DemoEntries(new Random(1), clock).next();

        assertTrue(e.traceId().matches("[0-9a-f]{32}"), e.traceId());
        assertTrue(e.spanId().matches("[0-9a-f]{16}"), e.spanId());
        assertTrue(e.labels().containsKey("service") && e.labels().containsKey("env"), e.labels().toString());
        assertEquals(clock.instant(), e.timestamp().toInstant());
        assertTrue(e.fields().containsKey("status"));
    }
}
