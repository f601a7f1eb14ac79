package dev.batchyard.app.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One line of the live event stream, described in the user's language. The description is put
 * together the first time it is read ({@link #description()}), since of the thousands of rows a
 * busy engine produces a second only those on screen, or matched by a text filter, are ever read.
 *
 * @param sequence    position in the stream since the view model was created (1-based); rows
 *                    with equal content stay distinct
 * @param sinks       the sinks the event concerns: none, one, or two (a reroute's from and to)
 * @param batchId     the batch the event is about, or empty
 * @param text        makes the description; called at most once
 */
public record EventRow(long sequence, Instant at, EventKind kind, Severity severity,
                       List<String> sinks, String batchId, Supplier<String> text) {

    public EventRow {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        sinks = List.copyOf(sinks);
        batchId = batchId == null ? "" : batchId;
        text = text instanceof LazyText lazy ? lazy : new LazyText(text);
    }

    public String description() {
        return text.get();
    }
}
