package dev.batchyard.serve.ingest;

import java.util.Map;

/**
 * Loki's rules for a stream's labels and an entry's structured metadata, shared by both encodings,
 * so that a push Batchyard acknowledges is one Loki would take when it is sent on (rather than a
 * batch that is bound to go {@code DEAD} later).
 */
final class LokiLabels {
    private LokiLabels() {
    }

    /** {@code labels}, if Loki would take them as a stream's label set. */
    static Map<String, String> check(Map<String, String> labels, String where) {
        if (labels.isEmpty()) {
            throw new MalformedBodyException(where + ": has no labels; Loki needs at least one label per stream");
        }
        for (String name : labels.keySet()) {
            if (!isName(name)) {
                throw new MalformedBodyException(where + ": " + Quoting.shortly(name) + " is not a label name"
                        + " (letters, digits and _, not starting with a digit)");
            }
        }
        return labels;
    }

    /**
     * Whether Loki takes {@code name} as a label name: {@link LabelSet#NAME}, checked by hand
     * because a regular expression's matcher cost an allocation per label of every push.
     */
    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** Adds one structured metadata pair, refusing an empty or repeated name. */
    static void putMetadata(Map<String, String> into, String name, String value, String where) {
        if (name.isEmpty()) {
            throw new MalformedBodyException(where + ": structured metadata with an empty name");
        }
        if (into.put(name, value) != null) {
            throw new MalformedBodyException(where + ": structured metadata " + Quoting.shortly(name) + " is given twice");
        }
    }
}
