package dev.batchyard.console;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.CleanupReport;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.StoreCapacity;
import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.engine.MergeRequest;
import dev.batchyard.engine.EditRequest;
import dev.batchyard.engine.EditResult;
import dev.batchyard.engine.RepairResult;
import dev.batchyard.engine.SplitRequest;
import dev.batchyard.engine.StoreStats;
import dev.batchyard.engine.Transfer;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.search.SearchListener;
import dev.batchyard.search.SearchRequest;
import dev.batchyard.search.SearchSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * What an operator's tool can see and do on one store, on behalf of one actor: the one seam the
 * window, the CLI and the admin API use. Implemented in-process over an open engine (the runtime's
 * embedded console) and, later, over the admin API across a network; so it is written for a store
 * that may be far away:
 * <ul>
 *   <li><b>Every method may block</b> (disk, network) <b>and may fail</b>; none is for the UI
 *       thread. Thread-safe: any number of threads may call it at once.</li>
 *   <li><b>Plain data only.</b> Everything that crosses is an immutable record or enum
 *       ({@link BatchView}, {@link Batch}, {@link StoreStats}, {@link SinkView}, {@link BatchEvent},
 *       ...): no engine, sink layer or registry, nothing whose methods reach back into the store.</li>
 *   <li><b>Pages, not everything.</b> Batches and the audit trail are read a page at a time with an
 *       opaque cursor; {@link #each} walks the pages for a caller that does want every row.</li>
 *   <li><b>One actor.</b> Who acts is fixed when the console is made (the OS user for the window and
 *       the CLI, {@code --as} for a CLI action, a token's name for the admin API) and goes into the
 *       audit trail of every change; no method takes it, so no caller can act as someone else.</li>
 *   <li><b>Failures are typed.</b> A change asked of a read-only console throws
 *       {@code StoreReadOnlyException}; a full store {@code BackPressureException}; a read-only
 *       console whose store a writer has since compacted {@code StoreChangedException} (open it
 *       again to see the store as it is now); anything else the store refuses a
 *       {@code StoreException} naming the directory, file, offset or id (all in
 *       {@code dev.batchyard.engine.store}); a bad argument (a cursor this console did not make, a
 *       limit under 1) {@link IllegalArgumentException}; any call after {@link #close()}
 *       {@link IllegalStateException}. A console across a network adds its own
 *       {@code StoreException} for a store it cannot reach.</li>
 * </ul>
 * Operator actions answer per id ({@link ActionResult}): an id that is gone, in flight or already
 * routed is a result, not an exception, so a bulk action never half-fails silently.
 */
public interface Console extends AutoCloseable {

    /** The page size a preview by query reads with. */
    int PREVIEW_PAGE = 1000;

    /** Where the store is, whether this console may change it (and if not, why), its settings and sinks. */
    StoreInfo info();

    /**
     * One page of the batches matching {@code query}, in {@code order}, with how many match in all.
     * Rows come without entries ({@link #batch} reads those). A page is positioned by the last row
     * of the page before it (its sort key and id), so batches added or removed meanwhile do not
     * shift it; a batch whose sort key changes between two pages (its retries, its state) may be
     * seen on both or on neither. An implementation may return fewer rows than asked (a server caps
     * its pages): keep following {@link BatchPage#nextCursor()} until it is {@code null}.
     *
     * @throws IllegalArgumentException for a cursor not made by this console for this order
     */
    BatchPage batches(BatchQuery query, BatchOrder order, PageRequest page);

    /**
     * The current metadata of those of {@code ids} that are stored, in the order asked; ids that are
     * not stored are left out. One call for many ids: a window re-reads the rows events touched
     * without a round trip per row.
     */
    List<BatchView> find(Collection<String> ids);

    /** One batch's current metadata, without its entries; empty when it is not stored. */
    default Optional<BatchView> find(String id) {
        return find(List.of(id)).stream().findFirst();
    }

    /** One batch with its entries (read from disk now), or empty when it is not stored. */
    Optional<Batch> batch(String id);

    /**
     * Searches the entries of every batch in {@code request}'s scope, streaming hits to
     * {@code listener} as they are found (grouped by batch, in the store's order) with progress now
     * and then; returns when the scan ends, the limit is reached, the listener says stop or the
     * calling thread is interrupted. Never reads the whole store into memory. A batch whose record
     * cannot be read is skipped and named in the summary.
     *
     * @throws dev.batchyard.search.EntryQueryException when the query cannot be read (naming the column)
     */
    SearchSummary search(SearchRequest request, SearchListener listener);

    /** Counts over the whole store now, with the recovery loop's state and the next cleanup pass. */
    StoreStats stats();

    /**
     * How full the store is and where it is heading: its size against {@code max_pending_bytes} and
     * {@code max_pending_batches}, the growth of its backlog over the last minutes and the time to
     * full at that rate, when its oldest batch expires, and each segment's live share (what
     * compaction would free). One pass over the index and a listing of the segment files.
     */
    StoreCapacity capacity();

    /**
     * Every sink the configuration names, enabled ones first in config order, then the disabled
     * ones with why; read without side effects (polling it never takes a circuit breaker's probe).
     */
    List<SinkView> sinks();

    /**
     * Stores a batch (fresh, or imported with its history); returns once it is durable. This is how
     * the Go import, the demo's traffic and the ingest API put batches in.
     *
     * @throws dev.batchyard.engine.store.BackPressureException when the store is full
     *         ({@code max_pending_batches} or {@code max_pending_bytes}): offer it again later
     * @throws dev.batchyard.engine.store.BatchTooLargeException over {@code max_batch_bytes}: split it
     * @throws IllegalArgumentException for an id outside the stored alphabet, or no sink
     */
    BatchView persist(NewBatch batch);

    /**
     * As {@link #persist}, for a caller that must not park a thread until the batch is durable (the
     * ingest routes of {@code serve}): refusals are thrown at once; the future completes once the batch
     * is durable, possibly on the store's writer thread (chain nothing that blocks onto it), or fails
     * if the store stopped before that. By default it is {@link #persist}, answered when it returns.
     */
    default CompletableFuture<BatchView> persistAsync(NewBatch batch) {
        return CompletableFuture.completedFuture(persist(batch));
    }

    /** Sends each batch now, bypassing backoff and the circuit breaker; the answers come as events. */
    List<ActionResult> retryNow(Collection<String> ids);

    /**
     * Takes each batch out of every view and out of delivery, giving {@code reason} in the audit
     * trail. The discard is soft: the batch is kept, durably, for {@code discard_grace} (see
     * {@link StoreInfo}'s settings), within which {@link #restore} takes it back; then it is purged.
     */
    List<ActionResult> discard(Collection<String> ids, String reason);

    /**
     * Brings back each batch discarded less than {@code discard_grace} ago, as it was (state, retries,
     * history). Per id: {@code RESTORED}, or {@code PAST_GRACE} (naming when it was discarded and the
     * grace), {@code NOT_DISCARDED}, {@code NO_SUCH_BATCH} (purged, or never stored).
     */
    List<ActionResult> restore(Collection<String> ids);

    /**
     * The discarded batches that can still be restored, most recently discarded first. Not paged:
     * it holds only what was discarded within {@code discard_grace} (15 minutes by default).
     */
    List<DiscardedBatch> recentlyDiscarded();

    /** Points each batch at {@code sink} (which must be enabled) with a fresh retry budget, due now. */
    List<ActionResult> reroute(Collection<String> ids, String sink);

    /**
     * Requeues each dead batch to {@code sink} ({@code null}: its own sink; another must be enabled)
     * with a fresh retry budget, due now; its history says so and its requeue count grows (the loop
     * guard flags it past {@code requeue_loop_limit}). Per id: {@code REQUEUED}, or {@code NOT_DEAD},
     * {@code IN_FLIGHT} (a retry under way), {@code SINK_NOT_CONFIGURED}, {@code NO_SUCH_BATCH}.
     */
    List<ActionResult> requeue(Collection<String> ids, String sink);

    /**
     * Splits one batch into new batches of its sink and context, in one durable, atomic change: its
     * rejected entries and the rest, chosen entries and the rest, or chunks of N ({@link SplitRequest});
     * a dry run only says what it would make. Refused with nothing changed for a one-entry batch, an
     * index it does not have, a batch in flight, discarded or changed meanwhile
     * ({@code IllegalArgumentException}, {@code BatchChangedException}, {@code UnknownBatchException}).
     */
    RepairResult split(SplitRequest request);

    /**
     * Merges batches of one sink into one new batch, in one durable, atomic change; refused with
     * nothing changed for different sinks, a batch in flight, a result over {@code max_batch_bytes}.
     */
    RepairResult merge(MergeRequest request);

    /**
     * Edits stored batches before they are sent again, in one durable, atomic change ({@link EditRequest}:
     * remove entries, replace one entry by the Go agent's JSON of it, set or remove a label on every entry
     * of several batches). Each batch keeps its id, sink and state; its history says what changed; the
     * version it replaced is kept as a discarded batch ({@link DiscardedBatch#versionOf}) that
     * {@link #restore} puts back within {@code discard_grace}. Refused with nothing changed for an edit that
     * cannot be done, a batch in flight, discarded or changed meanwhile ({@code IllegalArgumentException},
     * {@code BatchChangedException}, {@code UnknownBatchException}).
     */
    EditResult edit(EditRequest request);

    /**
     * What an action on {@code ids} would touch, changing nothing: counts, entries and bytes in all
     * and per sink, how many are in flight or dead, and which ids are not stored. An implementation
     * across a network computes it where the store is.
     */
    default ActionPreview preview(Collection<String> ids) {
        return ActionPreview.of(find(ids), ids);
    }

    /**
     * What an action on every batch matching {@code query} would touch, changing nothing; read a
     * page at a time, so a large store is not held in memory.
     */
    default ActionPreview preview(BatchQuery query) {
        try (Stream<BatchView> matching = each(query, BatchOrder.OLDEST_FIRST, PREVIEW_PAGE)) {
            return ActionPreview.of(matching);
        }
    }

    /**
     * Writes an import or export this console's caller made to the audit trail (one line naming the
     * directory and every id). The store cannot see these itself: an import is separate persists,
     * an export only reads. False when this console is read-only (the store's writer holds the
     * trail): the transfer was made but is not audited, and the caller should say so.
     */
    boolean recordTransfer(Transfer transfer);

    /**
     * Starts a throttled replay: {@code request}'s action on each of its batches, {@code rate} a second,
     * so a recovering sink is not flattened. Its plan and progress are durable in the store: a restart
     * of the window or {@code serve} takes it up where it stopped, and no batch is taken twice.
     *
     * @throws IllegalStateException when another replay is running or paused (cancel it first)
     */
    ReplayStatus startReplay(ReplayRequest request);

    /** The store's replay: the one running or paused, else the last one; empty when there never was one. */
    Optional<ReplayStatus> replay();

    /**
     * Pauses, resumes or cancels the store's replay (audited).
     *
     * @throws IllegalStateException when there is none, or it is finished or cancelled
     */
    ReplayStatus controlReplay(ReplayControl control);

    /** Pauses or resumes the recovery loop (audited); {@link StoreStats#recoveryPaused()} reads it back. */
    void setRecoveryPaused(boolean paused);

    /** Runs a cleanup pass now: batches older than {@code batch_ttl} are removed. */
    CleanupReport runCleanupNow();

    /**
     * A new mailbox of the store's events from now on, holding at most {@code capacity}: a reader
     * that falls behind loses events and is told how many ({@link BatchEvent.Missed}); the store
     * never waits for it. Close it to unsubscribe; closing the console closes it too.
     */
    EventSubscription subscribe(int capacity);

    /**
     * One page of the audit trail (who did what, when, to which batches, with what result), oldest
     * first. The trail is append-only, so a page's {@link AuditPage#nextCursor()} stays valid for
     * good: at the end it is where lines written later will start.
     *
     * @throws IllegalArgumentException for a cursor not made by this console
     */
    AuditPage audit(AuditQuery query, PageRequest page);

    /**
     * The damage the store found since it was opened (a torn tail cut, a segment set aside, a record
     * failing its checksum), oldest first: the same reports the events carried, for whoever looks
     * later.
     */
    List<BatchEvent.CorruptionFound> damage();

    /**
     * Every batch matching {@code query}, in {@code order}, read a page of {@code pageSize} at a time
     * as the stream is consumed. The same stability as {@link #batches}: a batch whose sort key
     * changes while the stream runs may be met twice or not at all (not with the creation order,
     * which never changes).
     */
    default Stream<BatchView> each(BatchQuery query, BatchOrder order, int pageSize) {
        return PageWalk.stream(this, query, order, pageSize);
    }

    /**
     * Ends this console: its subscriptions are closed and every later call throws
     * {@link IllegalStateException}. The store itself stays open when the console was one of several
     * over it (the runtime hands out one per actor); whoever opened the store closes it.
     */
    @Override
    void close();
}
