package dev.batchyard.engine;

import java.util.List;
import java.util.Objects;

/**
 * Batches an operator's tool moved across the store's edge: brought in from a Go agent's files
 * ({@link Kind#IMPORT}) or written out to them ({@link Kind#EXPORT}). The store sees an import only
 * as separate persists and an export not at all, so the tool that did it reports it, and the
 * engine writes it to the audit trail as one line ({@code import} or {@code export}).
 *
 * @param place where from or where to (a directory), as the operator named it
 * @param ids   the batches moved, in the order they were moved; empty when none was
 */
public record Transfer(Kind kind, String place, List<String> ids) {

    /** Which way the batches went. */
    public enum Kind {
        IMPORT("import"), EXPORT("export");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        /** The action's name in the audit trail. */
        public String action() {
            return action;
        }
    }

    public Transfer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        ids = List.copyOf(ids);
    }

    public static Transfer imported(String from, List<String> ids) {
        return new Transfer(Kind.IMPORT, from, ids);
    }

    public static Transfer exported(String to, List<String> ids) {
        return new Transfer(Kind.EXPORT, to, ids);
    }

    /** The audit trail's answer for each id. */
    List<ActionResult> results() {
        ActionResult.Reason reason = kind == Kind.IMPORT ? ActionResult.Reason.IMPORTED : ActionResult.Reason.EXPORTED;
        return ids.stream().distinct().map(id -> ActionResult.of(id, reason, place)).toList();
    }
}
