package dev.batchyard.app.detail;

import dev.batchyard.engine.events.BatchEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How and when a batch left the store, read from the event that took it out: what the detail pane
 * says in place of the state it showed, which was true only while the batch was stored.
 *
 * @param sink where it was delivered, or the sink it was for
 * @param by   who discarded it; empty for a delivery or an expiry
 */
public record Departure(String id, Kind kind, Instant at, String sink, String by) {

    /** The ways out of the store that events announce. */
    public enum Kind {
        DELIVERED, DISCARDED, EXPIRED
    }

    public Departure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        sink = sink == null ? "" : sink;
        by = by == null ? "" : by;
    }

    /** The last event in {@code events} that took batch {@code id} out of the store, if any. */
    public static Optional<Departure> of(List<BatchEvent> events, String id) {
        Departure last = null;
        for (BatchEvent event : events) {
            Departure found = of(event);
            if (found != null && found.id().equals(id)) {
                last = found;
            }
        }
        return Optional.ofNullable(last);
    }

    private static Departure of(BatchEvent event) {
        if (event instanceof BatchEvent.Delivered e) {
            return new Departure(e.id(), Kind.DELIVERED, e.at(), e.sink(), "");
        } else if (event instanceof BatchEvent.Discarded e) {
            return new Departure(e.id(), Kind.DISCARDED, e.at(), e.sink(), e.actor() == null ? "" : e.actor().name());
        } else if (event instanceof BatchEvent.Expired e) {
            return new Departure(e.id(), Kind.EXPIRED, e.at(), e.sink(), "");
        }
        return null;
    }
}
