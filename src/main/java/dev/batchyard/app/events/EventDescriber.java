package dev.batchyard.app.events;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.BatchEvent.CleanupPass;
import dev.batchyard.engine.events.BatchEvent.Compacted;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import dev.batchyard.engine.events.BatchEvent.DeadLettered;
import dev.batchyard.engine.events.BatchEvent.Delivered;
import dev.batchyard.engine.events.BatchEvent.DeliveryFailed;
import dev.batchyard.engine.events.BatchEvent.DeliveryStarted;
import dev.batchyard.engine.events.BatchEvent.Discarded;
import dev.batchyard.engine.events.BatchEvent.Expired;
import dev.batchyard.engine.events.BatchEvent.Missed;
import dev.batchyard.engine.events.BatchEvent.Persisted;
import dev.batchyard.engine.events.BatchEvent.RecoveredAtStartup;
import dev.batchyard.engine.events.BatchEvent.RecoveryPass;
import dev.batchyard.engine.events.BatchEvent.RecoveryToggled;
import dev.batchyard.engine.events.BatchEvent.Rerouted;
import dev.batchyard.engine.events.BatchEvent.RetryRequested;
import dev.batchyard.engine.events.BatchEvent.SinkHealthChanged;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.SinkHealth;
import dev.batchyard.model.BatchState;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Turns each engine event into a one-line, translated {@link EventRow}. Stateless apart from its
 * texts; the caller numbers the rows.
 */
public final class EventDescriber {
    private final Formats formats;
    private final Messages messages;

    public EventDescriber(Formats formats) {
        this.formats = formats;
        this.messages = formats.messages();
    }

    public Formats formats() {
        return formats;
    }

    public EventRow describe(long sequence, BatchEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof Persisted e) {
            return row(sequence, e, EventKind.PERSISTED, Severity.INFO, e.id(), List.of(e.sink()),
                    "events.persisted", () -> args(e.id(), e.sink(), e.entryCount(), formats.iecBytes(e.bytes())));
        } else if (event instanceof DeliveryStarted e) {
            return row(sequence, e, EventKind.DELIVERY, Severity.INFO, e.id(), List.of(e.sink()),
                    "events.deliveryStarted", () -> args(e.id(), e.sink(), e.attempt()));
        } else if (event instanceof Delivered e) {
            // the receipt (where the sink put the batch) is shown here only: the batch itself is gone
            return e.receipt().isEmpty() ? row(sequence, e, EventKind.DELIVERY, Severity.SUCCESS, e.id(), List.of(e.sink()),
                    "events.delivered", () -> args(e.id(), e.sink(), formats.elapsed(e.took())))
                    : row(sequence, e, EventKind.DELIVERY, Severity.SUCCESS, e.id(), List.of(e.sink()),
                    "events.deliveredTo", () -> args(e.id(), e.sink(), formats.elapsed(e.took()), e.receipt().toString()));
        } else if (event instanceof DeliveryFailed e) {
            return row(sequence, e, EventKind.FAILURE, Severity.WARNING, e.id(), List.of(e.sink()),
                    "events.failed", () -> args(e.id(), e.sink(), e.retryCount(), e.reason(),
                            e.nextAttemptAt() == null ? "?" : formats.time(e.nextAttemptAt())));
        } else if (event instanceof DeadLettered e) {
            return row(sequence, e, EventKind.DEAD_LETTER, Severity.DANGER, e.id(), List.of(e.sink()),
                    "events.dead", () -> args(e.id(), e.sink(), e.retryCount(), e.reason()));
        } else if (event instanceof BatchEvent.Held e) {
            return row(sequence, e, EventKind.HOLD, Severity.WARNING, e.id(), List.of(e.sink()),
                    "events.held", () -> args(e.id(), e.sink(), e.reason()));
        } else if (event instanceof BatchEvent.Released e) {
            return row(sequence, e, EventKind.HOLD, Severity.INFO, e.id(), List.of(e.sink()),
                    "events.released", () -> args(e.id(), e.sink()));
        } else if (event instanceof BatchEvent.Restored e) {
            return row(sequence, e, EventKind.DISCARD, Severity.INFO, e.id(), List.of(e.sink()),
                    "events.restored", () -> args(e.id(), e.sink(), e.actor().name()));
        } else if (event instanceof Discarded e) {
            return row(sequence, e, EventKind.DISCARD, Severity.WARNING, e.id(), List.of(e.sink()),
                    "events.discarded", () -> args(e.id(), e.sink(), e.actor().name(), e.reason()));
        } else if (event instanceof BatchEvent.Replaced e) {
            return row(sequence, e, EventKind.PERSISTED, Severity.INFO, e.id(), List.of(e.sink()),
                    e.split() ? "events.split" : "events.merged",
                    () -> args(e.id(), e.sink(), String.join(", ", e.into()), e.actor().name()));
        } else if (event instanceof BatchEvent.Edited e) {
            return row(sequence, e, EventKind.PERSISTED, Severity.INFO, e.id(), List.of(e.sink()), "events.edited",
                    () -> args(e.id(), e.sink(), e.keptAs(), e.actor().name()));
        } else if (event instanceof BatchEvent.Requeued e) {
            return row(sequence, e, EventKind.REROUTE, Severity.INFO, e.id(), List.of(e.fromSink(), e.toSink()),
                    "events.requeued", () -> args(e.id(), e.toSink(), e.requeues(), e.actor().name()));
        } else if (event instanceof Rerouted e) {
            return row(sequence, e, EventKind.REROUTE, Severity.INFO, e.id(), List.of(e.fromSink(), e.toSink()),
                    "events.rerouted", () -> args(e.id(), e.fromSink(), e.toSink(), e.actor().name()));
        } else if (event instanceof RetryRequested e) {
            return row(sequence, e, EventKind.RETRY, Severity.INFO, e.id(), List.of(e.sink()),
                    "events.retryRequested", () -> args(e.id(), e.sink(), e.actor().name()));
        } else if (event instanceof Expired e) {
            return row(sequence, e, EventKind.EXPIRY, Severity.WARNING, e.id(), List.of(e.sink()),
                    "events.expired", () -> args(e.id(), e.sink(), formats.elapsed(e.age())));
        } else {
            return describeStoreEvent(sequence, event);
        }
    }

    private EventRow describeStoreEvent(long sequence, BatchEvent event) {
        if (event instanceof CleanupPass e) {
            return row(sequence, e, EventKind.CLEANUP, Severity.INFO, "", List.of(),
                    "events.cleanupPass", () -> args(e.expired(), formats.elapsed(e.took())));
        } else if (event instanceof Compacted e) {
            return row(sequence, e, EventKind.CLEANUP, Severity.INFO, "", List.of(),
                    "events.compacted",
                    () -> args(e.segments(), formats.iecBytes(e.bytesReclaimed()), e.batchesMoved()));
        } else if (event instanceof RecoveryPass e) {
            return row(sequence, e, EventKind.RECOVERY, Severity.INFO, "", List.of(),
                    "events.recoveryPass", () -> args(e.due(), e.dispatched(), e.held()));
        } else if (event instanceof RecoveredAtStartup e) {
            int total = e.byState().values().stream().mapToInt(Integer::intValue).sum();
            return row(sequence, e, EventKind.RECOVERY, Severity.INFO, "", List.of(),
                    "events.recoveredAtStartup", () -> args(total, byState(e), formats.elapsed(e.took())));
        } else if (event instanceof RecoveryToggled e) {
            return row(sequence, e, EventKind.RECOVERY, e.paused() ? Severity.WARNING : Severity.INFO, "",
                    List.of(), e.paused() ? "events.recoveryPaused" : "events.recoveryResumed",
                    () -> args(e.actor().name()));
        } else if (event instanceof CorruptionFound e) {
            return row(sequence, e, EventKind.CORRUPTION, Severity.DANGER, "", List.of(),
                    "events.corruption", () -> args(e.file(), e.offset(), e.detail(), e.action()));
        } else if (event instanceof SinkHealthChanged e) {
            return row(sequence, e, EventKind.SINK_HEALTH, healthSeverity(e.health()), "", List.of(e.sink()),
                    "events.sinkHealth", () -> args(e.sink(), health(e.health()), cause(e)));
        } else if (event instanceof Missed e) {
            // a remote server that restarted cannot say how many it lost: a negative count
            return row(sequence, e, EventKind.MISSED, Severity.WARNING, "", List.of(),
                    e.count() < 0 ? "events.missedUnknown" : "events.missed", () -> args(e.count()));
        }
        throw new IllegalArgumentException("no description for event type " + event.getClass().getName());
    }

    /** A sink's health in words ({@code events.health.closed}, {@code .open}, {@code .half_open}, ...). */
    private String health(SinkHealth health) {
        String word = health.name().toLowerCase(Locale.ROOT);
        String key = "events.health." + word;
        return messages.has(key) ? messages.text(key) : word;
    }

    /** Why, in words; the last failure stays as the sink said it, like every failure reason. */
    private String cause(SinkHealthChanged event) {
        return messages.format("events.health.cause." + event.cause().name(), event.failures(),
                event.until() == null ? "" : formats.time(event.until()), event.lastFailure());
    }

    private static Severity healthSeverity(SinkHealth health) {
        return switch (health) {
            case OPEN -> Severity.DANGER;
            case HALF_OPEN, NOT_CONFIGURED -> Severity.WARNING;
            case CLOSED -> Severity.SUCCESS;
        };
    }

    private String byState(RecoveredAtStartup event) {
        StringJoiner parts = new StringJoiner(", ");
        for (BatchState state : BatchState.values()) {
            int count = event.byState().getOrDefault(state, 0);
            if (count > 0) {
                parts.add(messages.format("events.stateCount", messages.text("state.inText." + state.name()), count));
            }
        }
        return parts.toString();
    }

    /**
     * The row, whose words are put together only when first asked for: a busy engine sends thousands
     * of events a second, and only the few rows on screen (or a text filter) ever need their text.
     */
    private EventRow row(long sequence, BatchEvent event, EventKind kind, Severity severity, String batchId,
                         List<String> sinks, String key, Supplier<Object[]> args) {
        return new EventRow(sequence, event.at(), kind, severity, sinks, batchId,
                new LazyText(() -> messages.format(key, args.get())));
    }

    private static Object[] args(Object... args) {
        return args;
    }
}
