package dev.batchyard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The model's array-backed JSON objects behave as the unmodifiable sorted maps they replace. */
class FrozenMapTest {
    // U+E000 sorts before a surrogate pair (U+1F600) in Go's byte order, after it in UTF-16 order
    private static final List<String> KEYS = List.of("", "A", "a", "ab", "b", "zz", "\uE000", "\uD83D\uDE00", "é");

    @Test
    void aGoMapIteratesInGoKeyOrderAndFindsEveryKeyAndNoOther() {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            given.put(KEYS.get(i), i % 3 == 0 ? null : (long) i);
        }
        Map<String, Object> inTest = JsonValues.goAnyMap(given);
        TreeMap<String, Object> expected = new TreeMap<>(GoKeyOrder.INSTANCE);
        expected.putAll(given);

        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(inTest.keySet()));
        assertEquals(expected, inTest);
        assertEquals(inTest, expected);
        assertEquals(expected.hashCode(), inTest.hashCode());
        assertEquals(expected.toString(), inTest.toString());
        for (String k : KEYS) {
            assertTrue(inTest.containsKey(k), k);
            assertEquals(expected.get(k), inTest.get(k), k);
        }
        for (String absent : List.of("B", "aa", "zzz", "\uE001", " ", "\uD83D")) {
            assertFalse(inTest.containsKey(absent), absent);
            assertNull(inTest.get(absent), absent);
        }
        assertFalse(inTest.containsKey(1L), "not a string key");
        assertNull(inTest.get(null));
        assertTrue(JsonValues.goAnyMap(Map.of()).isEmpty());
    }

    @Test
    void anObjectOfUnknownShapeKeepsItsOrderAndFindsItsKeys() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("zeta", 1L);
        given.put("alpha", "x");
        given.put("mid", null);
        Map<String, Object> inTest = JsonValues.orderedAnyMap(given);

        assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(inTest.keySet()));
        assertEquals(given, inTest);
        assertEquals("x", inTest.get("alpha"));
        assertTrue(inTest.containsKey("mid"));
        assertFalse(inTest.containsKey("beta"));
    }

    @Test
    void aMapSaidToBeSortedButNotIsSortedAndItsLastDuplicateWins() {
        Map<String, String> unsorted = new LinkedHashMap<>();
        unsorted.put("b", "1");
        unsorted.put("a", "2");
        Map<String, String> inTest = JsonValues.adopt(unsorted, true);
        assertEquals(List.of("a", "b"), new ArrayList<>(inTest.keySet()));
        assertEquals("2", inTest.get("a"));

        Map<String, String> twice = new IdentityHashMap<>(); // two equal keys: a TreeMap copy kept the later
        twice.put(new String("k"), "first");
        twice.put(new String("k"), "second");
        twice.put("j", "j");
        List<String> order = new ArrayList<>();
        twice.forEach((k, v) -> order.add(v));
        Map<String, String> deduplicated = JsonValues.goMap(twice);
        assertEquals(2, deduplicated.size());
        String later = order.indexOf("first") > order.indexOf("second") ? "first" : "second";
        assertEquals(later, deduplicated.get("k"));
    }

    @Test
    void cannotBeChangedThroughItsEntriesOrIterators() {
        Map<String, Object> inTest = JsonValues.goAnyMap(Map.of("a", 1L, "b", 2L));
        Map.Entry<String, Object> entry = inTest.entrySet().iterator().next();
        assertThrows(UnsupportedOperationException.class, () -> entry.setValue(5L));
        Iterator<Map.Entry<String, Object>> it = inTest.entrySet().iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        it.next();
        assertThrows(NoSuchElementException.class, it::next);
        assertThrows(UnsupportedOperationException.class, () -> inTest.remove("a"));
        assertThrows(UnsupportedOperationException.class, () -> inTest.entrySet().clear());
        assertThrows(UnsupportedOperationException.class, () -> inTest.keySet().remove("a"));
        assertEquals(Map.of("a", 1L, "b", 2L), inTest);
    }

    @Test
    void forEachVisitsEveryMappingInOrder() {
        Map<String, Long> inTest = JsonValues.goMap(Map.of("c", 3L, "a", 1L, "b", 2L));
        StringBuilder seen = new StringBuilder();
        inTest.forEach((k, v) -> seen.append(k).append(v));
        assertEquals("a1b2c3", seen.toString());
    }
}
