package dev.batchyard.search;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.model.LogEntry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link EntryQuery} over every batch a {@link BatchSource} gives, streaming the hits to a
 * {@link SearchListener} as the scan finds them.
 *
 * <p><b>Speed and memory.</b> Batches are read in the source's order (the store's, front to back)
 * by {@code threads} workers, {@value #CHUNK} batches at a time, at most two chunks per worker
 * ahead of the listener: the heap holds those chunks' entries and their hits, never the store.
 * Hits reach the listener in the source's order, whatever worker found them, so the same search on
 * the same store gives the same hits, and {@code limit} the same first ones.
 *
 * <p><b>Stopping.</b> The listener's {@code false}, the calling thread's interrupt, or the limit end
 * the scan; workers stop at their next batch, or inside a regular expression
 * ({@link CancellableText}). A batch that cannot be read is skipped and named in the summary;
 * nothing is changed in the store. One instance per search or shared: it keeps no state.
 */
public final class EntrySearch {
    static final int CHUNK = 16;
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;
    private final int threads;

    public EntrySearch(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a search needs at least one thread, not " + threads);
        }
        this.threads = threads;
    }

    /** As many workers as the machine has processors, at most four (the disk is shared too). */
    public static EntrySearch standard() {
        return new EntrySearch(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public SearchSummary run(EntryQuery query, BatchSource source, int limit, SearchListener listener) {
        if (limit < 1) {
            throw new IllegalArgumentException("a search's limit must be at least 1, not " + limit);
        }
        long start = System.nanoTime();
        List<String> ids = source.ids();
        AtomicBoolean cancelled = new AtomicBoolean();
        Tally tally = new Tally(ids.size());
        SearchSummary.Ending ending = SearchSummary.Ending.COMPLETE;
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            Deque<Future<Chunk>> ahead = new ArrayDeque<>();
            int next = 0;
            long lastProgress = start;
            scan:
            while (next < ids.size() || !ahead.isEmpty()) {
                while (ahead.size() < 2 * threads && next < ids.size()) {
                    List<String> part = ids.subList(next, Math.min(ids.size(), next + CHUNK));
                    next += part.size();
                    ahead.add(workers.submit(() -> scan(part, query, source, cancelled)));
                }
                Chunk chunk = await(ahead.poll());
                if (chunk == null) {
                    ending = SearchSummary.Ending.CANCELLED;
                    break;
                }
                tally.add(chunk);
                for (List<SearchHit> batchHits : chunk.hits) {
                    tally.batchesWithHits++;
                    for (SearchHit hit : batchHits) {
                        tally.hits++;
                        if (!listener.hit(hit)) {
                            ending = SearchSummary.Ending.CANCELLED;
                            break scan;
                        }
                        if (tally.hits >= limit) {
                            ending = SearchSummary.Ending.LIMIT_REACHED;
                            break scan;
                        }
                    }
                }
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY_NANOS) {
                    lastProgress = now;
                    if (!listener.progress(tally.progress())) {
                        ending = SearchSummary.Ending.CANCELLED;
                        break;
                    }
                }
            }
        } finally {
            cancelled.set(true);
            workers.shutdownNow();
        }
        listener.progress(tally.progress());
        return new SearchSummary(tally.progress(), ending, Duration.ofNanos(System.nanoTime() - start),
                tally.unreadable, tally.unreadableCount);
    }

    /** The chunk's result; {@code null} when the calling thread was interrupted (the search is cancelled). */
    private static Chunk await(Future<Chunk> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a search worker failed", e.getCause());
        }
    }

    private static Chunk scan(List<String> ids, EntryQuery query, BatchSource source, AtomicBoolean cancelled) {
        Chunk chunk = new Chunk();
        for (String id : ids) {
            if (cancelled.get()) {
                return chunk;
            }
            Optional<Batch> batch;
            try {
                batch = source.batch(id);
            } catch (StoreException e) {
                chunk.unreadable.add(id + ": " + e.getMessage());
                chunk.batches++;
                continue;
            }
            chunk.batches++;
            if (batch.isEmpty()) {
                continue;
            }
            List<SearchHit> hits = new ArrayList<>();
            List<LogEntry> entries = batch.get().entries();
            try {
                for (int i = 0; i < entries.size(); i++) {
                    if (query.matches(entries.get(i), batch.get().meta(), cancelled::get)) {
                        hits.add(new SearchHit(batch.get().meta(), i, entries.get(i)));
                    }
                }
            } catch (SearchCancelledException e) {
                return chunk;
            }
            chunk.entries += entries.size();
            if (!hits.isEmpty()) {
                chunk.hits.add(hits);
            }
        }
        return chunk;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "batchyard-search-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** What one worker found in one chunk; read by the caller only after the worker is done with it. */
    private static final class Chunk {
        final List<List<SearchHit>> hits = new ArrayList<>();
        final List<String> unreadable = new ArrayList<>();
        int batches;
        long entries;
    }

    /** The running totals, kept by the calling thread only. */
    private static final class Tally {
        final int total;
        final List<String> unreadable = new ArrayList<>();
        int unreadableCount;
        int scanned;
        long entries;
        long hits;
        int batchesWithHits;

        Tally(int total) {
            this.total = total;
        }

        void add(Chunk chunk) {
            scanned += chunk.batches;
            entries += chunk.entries;
            unreadableCount += chunk.unreadable.size();
            for (String u : chunk.unreadable) {
                if (unreadable.size() < SearchSummary.MAX_UNREADABLE) {
                    unreadable.add(u);
                }
            }
        }

        SearchProgress progress() {
            return new SearchProgress(total, scanned, entries, hits, batchesWithHits);
        }
    }
}
