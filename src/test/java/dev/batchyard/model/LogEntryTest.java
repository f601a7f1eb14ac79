package dev.batchyard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogEntryTest {
    @Test
    void copiesWhatItIsGivenSoLaterChangesDoNotLeakIn() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Map<String, Object> fields = new HashMap<>(Map.of("k", "v"));
        LogEntry inTest = LogEntry.builder().tags(tags).fields(fields).build();
        tags.add("b");
        fields.put("k2", "v2");
        assertEquals(List.of("a"), inTest.tags());
        assertEquals(Map.of("k", "v"), inTest.fields());
    }

    @Test
    void cannotBeChangedThroughItsCollections() {
        LogEntry inTest = LogEntry.builder().tags(List.of("a")).fields(Map.of("n", Map.of("x", 1)))
                .labels(Map.of("k", "v")).build();
        assertThrows(UnsupportedOperationException.class, () -> inTest.tags().add("b"));
        assertThrows(UnsupportedOperationException.class, () -> inTest.labels().put("x", "y"));
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) inTest.fields().get("n");
        assertThrows(UnsupportedOperationException.class, () -> nested.put("y", 2));
    }

    @Test
    void normalisesWholeNumbersToLong() {
        Map<String, Object> fields = Map.of("i", 1, "s", (short) 2, "b", BigInteger.valueOf(3), "l", List.of(4));
        LogEntry inTest = LogEntry.builder().fields(fields).build();
        assertEquals(Map.of("i", 1L, "s", 2L, "b", 3L, "l", List.of(4L)), inTest.fields());
    }

    @Test
    void keepsGoMapsInGoKeyOrderAndUnknownKeysInTheirOwnOrder() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("z", 1);
        unknown.put("a", 2);
        LogEntry inTest = LogEntry.builder().labels(Map.of("z", "1", "a", "2")).unknown(unknown).build();
        assertEquals(List.of("a", "z"), List.copyOf(inTest.labels().keySet()));
        assertEquals(List.of("z", "a"), List.copyOf(inTest.unknown().keySet()));
    }

    @Test
    void isEqualToACopyBuiltFromIt() {
        LogEntry full = SampleEntries.full();
        assertEquals(full, full.toBuilder().build());
        assertEquals(full.hashCode(), full.toBuilder().build().hashCode());
    }
}
