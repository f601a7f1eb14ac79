package dev.batchyard.engine;

import java.util.List;
import java.util.Objects;

/**
 * An edit of stored batches before they are sent again (see {@link BatchPersistence#edit}): each is
 * one durable, atomic change, and the version it replaces is kept, restorable, for {@code discard_grace}.
 */
public sealed interface EditRequest {

    /** The batches the edit changes, in order. */
    List<String> ids();

    /**
     * Takes the entries at {@code entries} (indexes from 0) out of batch {@code id}; at least one
     * entry must stay.
     */
    record RemoveEntries(String id, List<Integer> entries) implements EditRequest {
        public RemoveEntries {
            Objects.requireNonNull(id, "id");
            entries = List.copyOf(entries);
        }

        @Override
        public List<String> ids() {
            return List.of(id);
        }
    }

    /**
     * Replaces the entry at {@code index} of batch {@code id} by {@code json}, one entry as the Go agent
     * writes it (its message, labels, fields, timestamp...).
     *
     * @param before the entry as the editor read it, as such JSON, or empty: when given, the edit is refused
     *               if the entry is no longer that (another edit came first)
     */
    record ReplaceEntry(String id, int index, String json, String before) implements EditRequest {
        public ReplaceEntry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(json, "json");
            before = before == null ? "" : before;
        }

        public ReplaceEntry(String id, int index, String json) {
            this(id, index, json, "");
        }

        @Override
        public List<String> ids() {
            return List.of(id);
        }
    }

    /**
     * Sets the label {@code key} to {@code value} on every entry of every batch in {@code ids} (added
     * where missing, changed where different), or, with a {@code null} value, removes it from them.
     */
    record SetLabel(List<String> ids, String key, String value) implements EditRequest {
        public SetLabel {
            ids = List.copyOf(ids);
            Objects.requireNonNull(key, "key");
        }

        /** Whether the label is removed rather than set. */
        public boolean removes() {
            return value == null;
        }
    }
}
