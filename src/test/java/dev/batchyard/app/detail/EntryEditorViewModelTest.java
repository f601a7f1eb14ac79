package dev.batchyard.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Messages;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Edit entry dialog's state without a window: the form, the raw JSON, their checks and what is handed on. */
class EntryEditorViewModelTest {
    private static final GoJson JSON = new GoJson();
    private static final LogEntry ENTRY = LogEntry.builder().timestamp(OffsetDateTime.parse("2026-11-26T15:11:12Z"))
            .message("GET /api/orders latency_ms=\"n/a\"").level("error").labels(Map.of("app", "api"))
            .fields(Map.of("latency_ms", "n/a")).sourceType("docker").sourceId("api-1").build();

    private static EntryEditorViewModel model() {
        return new EntryEditorViewModel(ENTRY, JSON, new Messages(Locale.ENGLISH));
    }

    private static LogEntry read(String json) {
        return JSON.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFormShowsTheEntryAndItsChangesAreHandedOnKeepingEveryOtherKey() {
        EntryEditorViewModel inTest = model();
        assertEquals("app=api", inTest.labelsProperty().get());
        assertEquals("2026-11-26T15:11:12Z", inTest.timestampProperty().get());
        assertTrue(inTest.result().isEmpty(), "nothing changed: nothing to hand on");

        inTest.messageProperty().set("GET /api/orders latency_ms=0");
        inTest.labelsProperty().set("app=api\nfixed_by=ops");
        inTest.fieldsProperty().set("{\"latency_ms\": 0}");

        LogEntry edited = read(inTest.result().orElseThrow());
        assertEquals("GET /api/orders latency_ms=0", edited.message());
        assertEquals(Map.of("app", "api", "fixed_by", "ops"), edited.labels());
        assertEquals(Map.of("latency_ms", 0L), edited.fields());
        assertEquals("api-1", edited.sourceId(), "a key the form does not show is kept");
    }

    @Test
    void eachProblemOfTheFormIsSaidAsItIsTyped() {
        EntryEditorViewModel inTest = model();
        inTest.labelsProperty().set("=v");
        assertEquals("Labels, line 1: '=v' is not key=value with a key.", inTest.formErrorProperty().get());
        inTest.labelsProperty().set("app=api");
        inTest.fieldsProperty().set("[1]");
        assertEquals("Fields must be a JSON object: {\"key\": value}.", inTest.formErrorProperty().get());
        inTest.fieldsProperty().set("{");
        assertTrue(inTest.formErrorProperty().get().startsWith("Fields are not JSON: "), inTest.formErrorProperty().get());
        inTest.fieldsProperty().set("");
        inTest.timestampProperty().set("yesterday");
        assertTrue(inTest.formErrorProperty().get().startsWith("The entry cannot be read (timestamp 'yesterday'?)"),
                inTest.formErrorProperty().get());
        assertTrue(inTest.result().isEmpty());
        inTest.timestampProperty().set("2026-11-26T16:00:00Z");
        assertEquals("", inTest.formErrorProperty().get());
    }

    @Test
    void theRawJsonIsCheckedAsTypedAndCarriedIntoTheFormWhenValid() {
        EntryEditorViewModel inTest = model();
        inTest.messageProperty().set("from the form");
        inTest.showJson();
        assertTrue(inTest.rawJsonProperty().get().contains("from the form"), "the form is carried into the JSON");

        inTest.rawJsonProperty().set("{\"message\": ");
        assertTrue(inTest.jsonErrorProperty().get().startsWith("Not a log entry as JSON: "), inTest.jsonErrorProperty().get());
        assertTrue(inTest.result().isEmpty());
        inTest.rawJsonProperty().set("{\"message\": \"x\", \"labels\": {\"\": \"v\"}}");
        assertEquals("A label key is empty: give every label a name.", inTest.jsonErrorProperty().get());

        inTest.rawJsonProperty().set(JSON.toJson(ENTRY.toBuilder().message("from the JSON").build(), true));
        assertEquals("", inTest.jsonErrorProperty().get());
        assertEquals("from the JSON", read(inTest.result().orElseThrow()).message());
        inTest.showForm();
        assertEquals("from the JSON", inTest.messageProperty().get());
    }
}
