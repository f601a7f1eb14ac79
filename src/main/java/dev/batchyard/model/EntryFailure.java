package dev.batchyard.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Why one entry of a batch failed, as its own record: field for field the Go agent's dead-letter
 * record ({@code pkg/dlq}'s {@code DLQEntry}) without the entry itself, so that an entry read from a
 * {@code dlq_*.log} line and written back gives the same line. A batch carries these per entry
 * (see {@code NewBatch#failures} in the engine); the entry's own failure lives beside the entry, not
 * in it, because {@link LogEntry} is the agent's log entry and nothing else.
 *
 * <p>The same record serves a sink that can say which entries of a batch it refused (an
 * Elasticsearch {@code _bulk} item error, a Loki stream answered 400, a Splunk invalid event
 * number): it fills {@code at}, {@code sink}, {@code errorType}, {@code message} and perhaps
 * {@code context} ({@link #of}), and leaves the reprocess fields at Go's zero values.
 *
 * <p>Immutable; maps are normalised like {@link LogEntry}'s ({@link JsonValues}). Times keep their
 * offset and nanoseconds. A time left {@code null} is Go's zero time ({@link #ZERO_TIME}, which Go
 * writes for a time never set), unless {@code forms} says the source had {@code null} or no key
 * there: so a failure made here and one read back from its JSON are equal.
 *
 * @param at                   when the entry failed (the DLQ line's {@code timestamp})
 * @param message              what the sink or the agent said ({@code error_message})
 * @param errorType            a short class of failure: {@code send_error}, {@code timeout}, ...
 * @param sink                 the sink that failed it ({@code failed_sink})
 * @param retryCount           attempts before the entry was dead-lettered
 * @param context              strings about the failure (Go's {@code map[string]string}); null when none
 * @param stackTrace           empty when none
 * @param reprocessAttempts    how often the agent's own reprocessing tried the entry again
 * @param lastReprocessAttempt Go's zero time when never
 * @param nextReprocessTime    when the agent would have tried it next
 * @param reprocessingEnabled  whether the agent would try it again at all
 * @param entryId              the agent's id for the entry ({@code <sink>_<unix ns>_<source id>}); empty when none
 * @param unknown              keys this version does not know, in the order read
 * @param forms                how a non-Go source spelled zero values and times ({@link KeyForm})
 */
public record EntryFailure(
        OffsetDateTime at,
        String message,
        String errorType,
        String sink,
        long retryCount,
        Map<String, String> context,
        String stackTrace,
        long reprocessAttempts,
        OffsetDateTime lastReprocessAttempt,
        OffsetDateTime nextReprocessTime,
        boolean reprocessingEnabled,
        String entryId,
        Map<String, Object> unknown,
        KeyForms forms) {

    /** Go's zero {@code time.Time}, {@code 0001-01-01T00:00:00Z}: what the agent writes for "never". */
    public static final OffsetDateTime ZERO_TIME = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public EntryFailure {
        message = message == null ? "" : message;
        errorType = errorType == null ? "" : errorType;
        sink = sink == null ? "" : sink;
        context = JsonValues.goMap(context);
        stackTrace = stackTrace == null ? "" : stackTrace;
        entryId = entryId == null ? "" : entryId;
        unknown = JsonValues.orderedAnyMap(unknown);
        forms = forms == null ? KeyForms.NONE : forms;
        at = zeroUnlessSpelled(at, "timestamp", forms);
        lastReprocessAttempt = zeroUnlessSpelled(lastReprocessAttempt, "last_reprocess_attempt", forms);
        nextReprocessTime = zeroUnlessSpelled(nextReprocessTime, "next_reprocess_time", forms);
    }

    private static OffsetDateTime zeroUnlessSpelled(OffsetDateTime t, String key, KeyForms forms) {
        KeyForm form = forms.get(key);
        boolean keptMissing = form != null && (form.kind() == KeyForm.Kind.NULL || form.kind() == KeyForm.Kind.ABSENT);
        return t == null && !keptMissing ? ZERO_TIME : t;
    }

    /** A failure a sink reported for one entry: no retries or reprocessing of its own yet. */
    public static EntryFailure of(OffsetDateTime at, String sink, String errorType, String message) {
        return builder().at(at).sink(sink).errorType(errorType).message(message).build();
    }

    public static EntryFailureBuilder builder() {
        return new EntryFailureBuilder();
    }

    public EntryFailureBuilder toBuilder() {
        return new EntryFailureBuilder(this);
    }
}
