package dev.batchyard.legacy.dlq;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.EntryFailure;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Each entry of a stored batch as the Go agent's dead-letter record: the failure it was imported
 * with, unchanged, so its line comes back byte for byte; else one made from the batch, which failed
 * as a whole, as the agent's dispatcher would have dead-lettered each of its entries:
 * <ul>
 *   <li>{@code timestamp}: the batch's last attempt, or its creation when never attempted;</li>
 *   <li>{@code error_message}: the batch's last failure reason (empty when it has none),
 *       {@code error_type} {@code send_error}, {@code failed_sink} the batch's sink,
 *       {@code retry_count} the batch's;</li>
 *   <li>{@code context}: {@code {"batch_id": <id>}}, so the line can be traced back to the batch;</li>
 *   <li>reprocessing: never attempted (Go's zero time), enabled, next at {@code timestamp} plus the
 *       agent's default five minutes;</li>
 *   <li>{@code entry_id}: the agent's {@code <sink>_<unix ns>_<source_id>}, the nanoseconds being
 *       the timestamp's plus the entry's index and then stepped past any id already
 *       {@code taken}, so that every id in an export is unique (the agent and Batchyard's import
 *       both key entries by it) and the same batch gives the same ids every time.</li>
 * </ul>
 * A failure a sink recorded for one entry (issue #18) keeps its fields; only an empty sink or
 * entry id is filled in as above, since a line without them is not an entry to the agent.
 */
public final class DlqFromEngine {
    /** The error type the agent's dispatcher gives a failed send. */
    public static final String ERROR_TYPE = "send_error";
    private static final Duration REPROCESS_DELAY = Duration.ofMinutes(5);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private DlqFromEngine() {
    }

    /**
     * The failure to write for entry {@code index} of {@code batch}.
     *
     * @param taken the entry ids this export has written so far; the returned failure's id is added
     */
    public static EntryFailure failureOf(Batch batch, int index, Set<String> taken) {
        EntryFailure kept = batch.failureOf(index).orElse(null);
        EntryFailure failure = kept != null ? kept : madeFor(batch);
        String sink = failure.sink().isEmpty() ? batch.sink() : failure.sink();
        if (failure.entryId().isEmpty()) {
            failure = failure.toBuilder().sink(sink)
                    .entryId(freeId(sink, failure.at(), index, batch.entries().get(index).sourceId(), taken)).build();
        }
        taken.add(failure.entryId());
        return failure;
    }

    private static EntryFailure madeFor(Batch batch) {
        BatchView meta = batch.meta();
        OffsetDateTime at = meta.lastAttempt() != null ? meta.lastAttempt() : meta.createdAt();
        return EntryFailure.builder().at(at).message(meta.failureReason()).errorType(ERROR_TYPE).sink(meta.sink())
                .retryCount(meta.retryCount()).context(Map.of("batch_id", meta.id()))
                .nextReprocessTime(at.plus(REPROCESS_DELAY)).reprocessingEnabled(true).build();
    }

    private static String freeId(String sink, OffsetDateTime at, int index, String sourceId, Set<String> taken) {
        // exact for any time (Go's zero time is beyond a long's nanoseconds)
        BigInteger nanos = BigInteger.valueOf(at.toEpochSecond()).multiply(NANOS_PER_SECOND)
                .add(BigInteger.valueOf(at.getNano() + (long) index));
        String id = sink + "_" + nanos + "_" + sourceId;
        while (taken.contains(id)) {
            nanos = nanos.add(BigInteger.ONE);
            id = sink + "_" + nanos + "_" + sourceId;
        }
        return id;
    }
}
