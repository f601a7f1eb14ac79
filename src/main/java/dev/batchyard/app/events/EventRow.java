package dev.batchyard.app.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the live event stream, already described in the user's language.
 *
 * @param sequence    position in the stream since the view model was created (1-based); rows
 *                    with equal content stay distinct
 * @param sinks       the sinks the event concerns: none, one, or two (a reroute's from and to)
 * @param batchId     the batch the event is about, or empty
 */
public record EventRow(long sequence, Instant at, EventKind kind, Severity severity,
                       List<String> sinks, String batchId, String description) {

    public EventRow {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        sinks = List.copyOf(sinks);
        batchId = batchId == null ? "" : batchId;
        Objects.requireNonNull(description, "description");
    }
}
