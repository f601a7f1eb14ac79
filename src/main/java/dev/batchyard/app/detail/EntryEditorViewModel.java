package dev.batchyard.app.detail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.app.common.Messages;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the Edit entry dialog: a form (message, timestamp, labels as {@code key=value} lines,
 * fields as a JSON object) and the entry's raw JSON, each checked as it is typed, the error said in
 * words of the operator's language ({@link #formErrorProperty()}, {@link #jsonErrorProperty()}). The
 * form keeps every other key of the entry as it was. Switching between them carries a valid form into
 * the JSON and valid JSON into the form. What the dialog hands to the engine is the Go agent's JSON of
 * the entry ({@link #result()}); the engine checks it again. UI thread only.
 */
public final class EntryEditorViewModel {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GoJson json;
    private final Messages messages;
    private final String original;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty timestamp = new SimpleStringProperty("");
    private final StringProperty labels = new SimpleStringProperty("");
    private final StringProperty fields = new SimpleStringProperty("");
    private final StringProperty rawJson = new SimpleStringProperty("");
    private final BooleanProperty editingJson = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper jsonError = new ReadOnlyStringWrapper("");
    private ObjectNode base;

    public EntryEditorViewModel(LogEntry entry, GoJson json, Messages messages) {
        this.json = json;
        this.messages = messages;
        this.original = json.toJson(entry, false);
        fill(entry);
        rawJson.set(json.toJson(entry, true));
        for (StringProperty p : new StringProperty[] {message, timestamp, labels, fields}) {
            p.addListener((o, was, is) -> formEntry());
        }
        rawJson.addListener((o, was, is) -> jsonEntry());
    }

    private void fill(LogEntry entry) {
        base = (ObjectNode) tree(json.toJson(entry, false));
        message.set(entry.message() == null ? "" : entry.message());
        timestamp.set(base.path("timestamp").asText(""));
        StringBuilder lines = new StringBuilder();
        if (entry.labels() != null) {
            entry.labels().forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        }
        labels.set(lines.toString().strip());
        JsonNode f = base.get("fields");
        fields.set(f == null || f.isNull() ? "" : f.toPrettyString());
    }

    /** The form's entry as JSON, or empty with {@link #formErrorProperty()} saying why. */
    private Optional<String> formEntry() {
        ObjectNode n = base.deepCopy();
        n.put("message", message.get());
        n.put("timestamp", timestamp.get().strip());
        ObjectNode labelNode = MAPPER.createObjectNode();
        String[] lines = labels.get().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                formError.set(messages.format("editor.error.label", i + 1, line));
                return Optional.empty();
            }
            labelNode.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        n.set("labels", labelNode.isEmpty() && base.path("labels").isNull() ? MAPPER.nullNode() : labelNode);
        if (fields.get().isBlank()) {
            n.set("fields", MAPPER.nullNode());
        } else {
            JsonNode f;
            try {
                f = MAPPER.readTree(fields.get());
            } catch (Exception e) {
                formError.set(messages.format("editor.error.fields", firstLine(e.getMessage())));
                return Optional.empty();
            }
            if (f == null || !f.isObject()) {
                formError.set(messages.text("editor.error.fieldsObject"));
                return Optional.empty();
            }
            n.set("fields", f);
        }
        String text = n.toString();
        try {
            json.read(text.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            formError.set(messages.format("editor.error.timestamp", timestamp.get().strip(), firstLine(e.getMessage())));
            return Optional.empty();
        }
        formError.set("");
        return Optional.of(text);
    }

    /** The raw JSON's entry, or empty with {@link #jsonErrorProperty()} saying why. */
    private Optional<LogEntry> jsonEntry() {
        try {
            LogEntry entry = json.read(rawJson.get().getBytes(StandardCharsets.UTF_8));
            if (entry.labels() != null && entry.labels().keySet().stream().anyMatch(String::isBlank)) {
                jsonError.set(messages.text("editor.error.emptyKey"));
                return Optional.empty();
            }
            jsonError.set("");
            return Optional.of(entry);
        } catch (RuntimeException e) {
            jsonError.set(messages.format("editor.error.json", firstLine(e.getMessage())));
            return Optional.empty();
        }
    }

    /** The operator turns to the raw JSON: a valid form is carried into it. */
    public void showJson() {
        formEntry().ifPresent(text -> rawJson.set(json.toJson(json.read(text.getBytes(StandardCharsets.UTF_8)), true)));
        editingJson.set(true);
    }

    /** The operator turns to the form: valid JSON is carried into it. */
    public void showForm() {
        jsonEntry().ifPresent(this::fill);
        formError.set("");
        editingJson.set(false);
    }

    /**
     * The edited entry as the Go agent's JSON, from whichever of the form and the JSON is shown; empty while it
     * is not valid, or when nothing changed.
     */
    public Optional<String> result() {
        Optional<String> text = editingJson.get()
                ? jsonEntry().map(e -> json.toJson(e, false))
                : formEntry().map(t -> json.toJson(json.read(t.getBytes(StandardCharsets.UTF_8)), false));
        return text.filter(t -> !t.equals(original));
    }

    /** The entry as it was read: the engine refuses the edit if it is no longer that. */
    public String original() {
        return original;
    }

    private static JsonNode tree(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException("the Go JSON codec wrote JSON Jackson cannot read: " + e, e);
        }
    }

    private static String firstLine(String text) {
        String s = text == null ? "" : text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty timestampProperty() {
        return timestamp;
    }

    public StringProperty labelsProperty() {
        return labels;
    }

    public StringProperty fieldsProperty() {
        return fields;
    }

    public StringProperty rawJsonProperty() {
        return rawJson;
    }

    /** Why the form is not a valid entry; empty when it is. */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** Why the raw JSON is not a valid entry; empty when it is. */
    public ReadOnlyStringProperty jsonErrorProperty() {
        return jsonError.getReadOnlyProperty();
    }

    /** Whether the raw JSON (not the form) is what is being edited. */
    public BooleanProperty editingJsonProperty() {
        return editingJson;
    }
}
