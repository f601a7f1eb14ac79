package dev.batchyard.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.LogEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The query language: what each form matches, and what it refuses and where. */
class EntryQueryTest {
    private static final LogEntry ENTRY = LogEntry.builder()
            .message("POST /api/orders failed: Connection Timeout after 30s")
            .level("error").sourceType("file").sourceId("/var/log/api.log")
            .tags(List.of("checkout"))
            .labels(Map.of("service", "api", "env", "prod"))
            .fields(Map.of("http", Map.of("status", 504), "user.id", "u-17", "attempt", 3))
            .build();

    private static boolean matches(String query) {
        return EntryQuery.parse(query, false).matches(ENTRY);
    }

    @Test
    void aWordMatchesAnyValueIgnoringCase() {
        assertTrue(matches("timeout"));
        assertTrue(matches("CHECKOUT"), "a tag");
        assertTrue(matches("prod"), "a label value");
        assertTrue(matches("u-17"), "a field value");
        assertTrue(matches("504"), "a nested field's number");
        assertFalse(matches("refused"));
    }

    @Test
    void everyTermIsRequired() {
        assertTrue(matches("timeout orders"));
        assertFalse(matches("timeout refused"));
    }

    @Test
    void aQuotedPhraseIsOneTerm() {
        assertTrue(matches("\"connection timeout\""));
        assertFalse(matches("\"timeout connection\""));
        assertTrue(EntryQuery.parse("\"say \\\"hi\\\"\"", false).matches(LogEntry.builder().message("say \"hi\" now").build()));
    }

    @Test
    void keyColonValueContainsAndKeyEqualsValueIsExact() {
        assertTrue(matches("level:ERR"));
        assertTrue(matches("service=api"));
        assertFalse(matches("service=ap"), "equality is exact");
        assertFalse(matches("service=API"), "and case-sensitive");
        assertTrue(matches("service:AP"));
    }

    @Test
    void keysNameTheEntrysOwnValuesLabelsAndFields() {
        assertTrue(matches("source:api.log"));
        assertTrue(matches("source_type=file"));
        assertTrue(matches("msg:orders"));
        assertTrue(matches("tag=checkout"));
        assertTrue(matches("label.env=prod"));
        assertTrue(matches("field.attempt=3"));
        assertTrue(matches("http.status=504"), "a nested field by its path");
        assertTrue(matches("user.id=u-17"), "a top-level key holding a dot");
        assertFalse(matches("nothere:x"));
    }

    @Test
    void sinkBatchAndStateNameTheBatchTheEntryIsIn() {
        dev.batchyard.engine.BatchView batch = new dev.batchyard.engine.BatchView("splunk-backlog-0003", "splunk-demo",
                dev.batchyard.model.BatchState.RETRY_WAIT, 1, 100, null, null, 1, null, null, Map.of(), List.of());

        assertTrue(EntryQuery.parse("sink:splunk batch:backlog-0003 state=RETRY_WAIT timeout", false)
                .matches(ENTRY, batch));
        assertFalse(EntryQuery.parse("sink=loki", false).matches(ENTRY, batch));
        assertFalse(EntryQuery.parse("sink:splunk", false).matches(ENTRY), "an entry alone is in no batch");
    }

    @Test
    void aMinusNegatesATerm() {
        assertTrue(matches("-level:info"));
        assertFalse(matches("-timeout"));
        assertTrue(matches("- timeout"), "a lone minus is a word of its own (u-17 holds one), not a negation");
    }

    @Test
    void slashesMakeARegularExpression() {
        assertTrue(matches("/after \\d+s$/"));
        assertTrue(matches("message:/^POST /"));
        assertFalse(matches("/^GET/"));
        assertTrue(matches("/\\/api\\//"), "\\/ is a slash inside");
    }

    @Test
    void withRegexOnEveryWordIsAnExpression() {
        assertFalse(EntryQuery.parse("time.ut", true).matches(ENTRY), "case-sensitive");
        assertTrue(EntryQuery.parse("Time.ut", true).matches(ENTRY));
        assertTrue(EntryQuery.parse("level:e.r", true).matches(ENTRY));
    }

    @Test
    void badQueriesNameTheColumn() {
        assertEquals(7, refused("level:\"error").column());
        assertEquals(1, refused("   ").column());
        assertEquals(7, refused("level:").column());
        assertEquals(3, refused("a /b(/").column());
        assertEquals(3, refused("a /unclosed").column());
        assertTrue(refused("a /b(/").getMessage().contains("regular expression"), refused("a /b(/").getMessage());
    }

    @Test
    void hugeQueriesAreRefused() {
        assertTrue(refused("x".repeat(EntryQuery.MAX_LENGTH + 1)).getMessage().contains("longer than"));
        assertTrue(refused("a ".repeat(EntryQuery.MAX_TERMS + 1)).getMessage().contains("more than"));
    }

    @Test
    void controlCharactersInAValueAreMatchedAsThemselves() {
        LogEntry hostile = LogEntry.builder().message("evil\u001b[31mred\u0000nul").build();

        assertTrue(EntryQuery.parse("\"\u001b[31mred\"", false).matches(hostile));
        assertTrue(EntryQuery.parse("red\u0000nul", false).matches(hostile));
    }

    @Test
    void anEntryWithoutTagsLabelsOrFieldsIsSearchedToo() {
        LogEntry bare = LogEntry.builder().message("only a message").build();

        assertTrue(EntryQuery.parse("message", false).matches(bare));
        assertFalse(EntryQuery.parse("service=api tag:x field.a:b", false).matches(bare));
        assertFalse(EntryQuery.parse("nothing", false).matches(bare));
    }

    private static EntryQueryException refused(String query) {
        return assertThrows(EntryQueryException.class, () -> EntryQuery.parse(query, false));
    }
}
