package dev.batchyard.engine;

import dev.batchyard.codec.gojson.GoFailureCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.BatchMeta;
import dev.batchyard.engine.store.BatchTooLargeException;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.RemovalCause;
import dev.batchyard.engine.store.StoreRecord;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.model.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Splits a batch into new ones, or merges batches of one sink into one: each a single durable,
 * atomic store change ({@link LogStore#replace}), so after a crash the store holds the old batches
 * or the new ones, never both and never neither. The new batches keep the sink, context and
 * creation time; their history starts with a note of where they came from ({@link Attempt.Outcome#SPLIT},
 * {@link Attempt.Outcome#MERGED}); a split's parts keep the old batch's attempts, their rejections
 * moved to the part's own entry indexes. Audited with the entry indexes each new batch holds.
 *
 * <p>While it works, a batch is claimed as if in flight, so the recovery loop does not send it; a
 * batch already in flight, discarded, gone, or changed since it was read is refused with nothing
 * changed. Thread-safe.
 */
final class Repairs {
    private final Replacing r;
    private final GoFailureCodec failureCodec = new GoFailureCodec(new GoJson());

    Repairs(Replacing r) {
        this.r = r;
    }

    /** One new batch to make: its id, the old batch its entries come from and their indexes there. */
    private record Plan(String id, List<Source> sources, BatchMeta meta) {
    }

    private record Source(Batch batch, List<Integer> indexes) {
    }

    RepairResult split(SplitRequest request, Actor actor) {
        String id = request.id();
        StoredBatch seen = r.lifecycle().requireLive(id);
        // a request that can never be done is refused before the batch is claimed
        groups(request, id, seen.entryCount(), seen.meta().attempts());
        return r.held().claimed(List.of(id), () -> {
            StoredBatch stored = r.lifecycle().requireLive(id);
            Batch batch = r.lifecycle().load(id).orElseThrow(() -> new UnknownBatchException(id));
            int n = batch.entries().size();
            List<List<Integer>> groups = groups(request, id, n, batch.meta().attempts());
            boolean keepsState = request.how() != SplitRequest.How.CHUNKS;
            Set<String> taken = new java.util.HashSet<>();
            List<Plan> plans = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                List<Integer> indexes = groups.get(g);
                String newId = r.held().freeId(id + "." + (g + 1), taken);
                // the entries set aside keep the batch's state (a dead batch's poison stays dead); the rest go now
                boolean setAside = keepsState && g == 0;
                String note = "split from " + id + " (entries " + IndexRanges.format(indexes) + ")";
                plans.add(new Plan(newId, List.of(new Source(batch, indexes)),
                        splitMeta(stored.meta(), indexes, setAside, note, n)));
            }
            String detail = switch (request.how()) {
                case FAILED -> "the entries the sink rejected";
                case ENTRIES -> "entries " + IndexRanges.format(groups.get(0));
                case CHUNKS -> "chunks of " + request.chunkSize();
            };
            return apply(List.of(stored), plans, RemovalCause.SPLIT, "split", detail, request.dryRun(), actor);
        });
    }

    RepairResult merge(MergeRequest request, Actor actor) {
        List<String> ids = request.ids();
        if (ids.size() < 2) {
            throw new IllegalArgumentException("a merge needs at least two batches, " + ids.size() + " given");
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("batch ids given twice: " + ids);
        }
        String firstSink = r.lifecycle().requireLive(ids.get(0)).meta().sink();
        for (String id : ids) { // a request that can never be done is refused before any batch is claimed
            String sink = r.lifecycle().requireLive(id).meta().sink();
            if (!sink.equals(firstSink)) {
                throw new IllegalArgumentException("batch '" + id + "' goes to sink '" + sink + "' and '" + ids.get(0)
                        + "' to '" + firstSink + "': only batches of one sink merge");
            }
        }
        return r.held().claimed(ids, () -> {
            List<StoredBatch> stored = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            for (String id : ids) {
                StoredBatch b = r.lifecycle().requireLive(id);
                if (!stored.isEmpty() && !b.meta().sink().equals(stored.get(0).meta().sink())) {
                    throw new IllegalArgumentException("batch '" + id + "' goes to sink '" + b.meta().sink()
                            + "' and '" + stored.get(0).id() + "' to '" + stored.get(0).meta().sink()
                            + "': only batches of one sink merge");
                }
                stored.add(b);
                Batch batch = r.lifecycle().load(id).orElseThrow(() -> new UnknownBatchException(id));
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < batch.entries().size(); i++) {
                    all.add(i);
                }
                sources.add(new Source(batch, all));
            }
            String sink = stored.get(0).meta().sink();
            String newId = r.held().freeId(ids.get(0) + ".merged", new java.util.HashSet<>());
            Instant now = r.clock().instant();
            int requeues = stored.stream().mapToInt(b -> b.meta().requeues()).max().orElse(0);
            BatchMeta meta = new BatchMeta(sink, BatchState.PENDING, 0, null, "", null,
                    List.of(new Attempt(now, sink, Duration.ZERO, Attempt.Outcome.MERGED,
                            "merged from " + String.join(", ", ids))), null, requeues);
            return apply(stored, List.of(new Plan(newId, sources, meta)), RemovalCause.MERGED, "merge",
                    stored.size() + " batches", request.dryRun(), actor);
        });
    }

    /** The groups of entry indexes, in the order of the new batches: what is set aside first. */
    private static List<List<Integer>> groups(SplitRequest request, String id, int n, List<Attempt> attempts) {
        if (n < 2) {
            throw new IllegalArgumentException("batch '" + id + "' has " + n + (n == 1 ? " entry" : " entries")
                    + ": there is nothing to split");
        }
        return switch (request.how()) {
            case FAILED -> {
                Attempt rejecting = Rejections.latest(attempts).orElseThrow(() ->
                        new IllegalArgumentException("no sink rejected single entries of batch '" + id
                                + "': split it by entries or into chunks instead"));
                List<Integer> failed = rejecting.rejections().stream().map(EntryRejection::index)
                        .filter(i -> i < n).toList();
                yield takeOut(id, n, failed, "rejected");
            }
            case ENTRIES -> {
                for (int i : request.entries()) {
                    if (i < 0 || i >= n) {
                        throw new IllegalArgumentException("batch '" + id + "' has entries 0 to " + (n - 1)
                                + ": there is no entry " + i);
                    }
                }
                yield takeOut(id, n, new ArrayList<>(new TreeSet<>(request.entries())), "selected");
            }
            case CHUNKS -> {
                int size = request.chunkSize();
                if (size < 1) {
                    throw new IllegalArgumentException("a chunk holds at least 1 entry, not " + size);
                }
                if (size >= n) {
                    throw new IllegalArgumentException("batch '" + id + "' has " + n + " entries: chunks of " + size
                            + " would leave it whole");
                }
                List<List<Integer>> chunks = new ArrayList<>();
                for (int from = 0; from < n; from += size) {
                    List<Integer> chunk = new ArrayList<>();
                    for (int i = from; i < Math.min(n, from + size); i++) {
                        chunk.add(i);
                    }
                    chunks.add(chunk);
                }
                yield chunks;
            }
        };
    }

    private static List<List<Integer>> takeOut(String id, int n, List<Integer> out, String what) {
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no entries of batch '" + id + "' are " + what);
        }
        if (out.size() == n) {
            throw new IllegalArgumentException("all " + n + " entries of batch '" + id + "' are " + what
                    + ": nothing would be left to split off");
        }
        Set<Integer> set = new java.util.HashSet<>(out);
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!set.contains(i)) {
                rest.add(i);
            }
        }
        return List.of(List.copyOf(out), rest);
    }

    /** A part's metadata: the old history with rejections moved to the part's indexes, then the note. */
    private BatchMeta splitMeta(BatchMeta old, List<Integer> indexes, boolean setAside, String note, int oldCount) {
        Map<Integer, Integer> newIndex = new HashMap<>();
        for (int i = 0; i < indexes.size(); i++) {
            newIndex.put(indexes.get(i), i);
        }
        List<Attempt> history = new ArrayList<>();
        for (Attempt a : old.attempts()) {
            history.add(a.withRejectionsMoved(i -> newIndex.getOrDefault(i, -1)));
        }
        BatchMeta meta;
        if (setAside) {
            String reason = old.failureReason();
            Optional<Attempt> rejecting = Rejections.latest(history);
            if (rejecting.isPresent() && Rejections.latest(old.attempts()).isPresent()) {
                reason = Rejections.summary(rejecting.get().rejections(), indexes.size());
            }
            meta = new BatchMeta(old.sink(), old.state(), old.retryCount(), old.lastAttempt(), reason,
                    old.nextAttemptAt(), history, null, old.requeues());
        } else {
            meta = new BatchMeta(old.sink(), BatchState.PENDING, 0, old.lastAttempt(), "", null, history, null,
                    old.requeues());
        }
        return meta.withAttempt(new Attempt(r.clock().instant(), old.sink(), Duration.ZERO, Attempt.Outcome.SPLIT, note));
    }

    private RepairResult apply(List<StoredBatch> old, List<Plan> plans, RemovalCause cause, String action,
                               String detail, boolean dryRun, Actor actor) {
        List<StoreRecord.Put> puts = new ArrayList<>();
        List<RepairResult.Part> parts = new ArrayList<>();
        for (Plan plan : plans) {
            StoreRecord.Put put = put(plan, old);
            puts.add(put);
            parts.add(new RepairResult.Part(plan.id(), plan.meta().sink(), plan.meta().state(), put.entryCount(),
                    LogStore.recordBytes(put), plan.sources().stream().map(s -> new RepairResult.Source(s.batch().id(),
                    IndexRanges.format(s.indexes()))).toList()));
        }
        List<String> removed = old.stream().map(StoredBatch::id).toList();
        RepairResult result = new RepairResult(!dryRun, removed, parts);
        for (RepairResult.Part p : parts) {
            if (p.bytes() > r.config().storeLimits().maxBatchBytes()) {
                throw new BatchTooLargeException("batch '" + p.id() + "' would be " + p.bytes() + " bytes as stored, "
                        + "over persistence.max_batch_bytes (" + r.config().storeLimits().maxBatchBytes()
                        + " bytes); nothing was changed" + (cause == RemovalCause.MERGED ? ": merge fewer batches" : ""),
                        p.id(), p.bytes(), r.config().storeLimits().maxBatchBytes());
            }
        }
        if (dryRun) {
            return result;
        }
        Map<String, BatchMeta> expected = new LinkedHashMap<>();
        old.forEach(b -> expected.put(b.id(), b.meta()));
        String into = plans.stream().map(Plan::id).collect(Collectors.joining(", "));
        r.store().replace(expected, puts, cause, (cause == RemovalCause.SPLIT ? "split into " : "merged into ") + into,
                r.config().storeLimits());
        List<ActionResult> audited = new ArrayList<>();
        for (StoredBatch b : old) {
            audited.add(ActionResult.of(b.id(), cause == RemovalCause.SPLIT ? ActionResult.Reason.SPLIT
                    : ActionResult.Reason.MERGED, into));
        }
        for (RepairResult.Part p : parts) {
            audited.add(ActionResult.of(p.id(), ActionResult.Reason.MADE,
                    p.sources().stream().map(RepairResult.Source::batch).collect(Collectors.joining(", ")),
                    p.sources().stream().map(s -> s.batch() + ":" + s.indexes()).collect(Collectors.joining("; "))));
        }
        Instant at = r.clock().instant();
        r.audit().record(at, actor, action, detail, audited);
        List<String> newIds = plans.stream().map(Plan::id).toList();
        for (StoredBatch b : old) {
            r.events().publish(new BatchEvent.Replaced(at, b.id(), b.meta().sink(), cause == RemovalCause.SPLIT, newIds, actor));
        }
        for (int i = 0; i < plans.size(); i++) {
            r.events().publish(new BatchEvent.Persisted(at, plans.get(i).id(), plans.get(i).meta().sink(),
                    parts.get(i).entryCount(), parts.get(i).bytes()));
        }
        return result;
    }

    /** The new batch's record: the entries (and their per-entry failures) of its sources, in order. */
    private StoreRecord.Put put(Plan plan, List<StoredBatch> old) {
        List<LogEntry> entries = new ArrayList<>();
        SortedMap<Integer, EntryFailure> failures = new TreeMap<>();
        Set<String> extras = new LinkedHashSet<>();
        for (Source s : plan.sources()) {
            for (int i : s.indexes()) {
                s.batch().failureOf(i).ifPresent(f -> failures.put(entries.size(), f));
                entries.add(s.batch().entries().get(i));
            }
            extras.add(s.batch().legacyExtras());
        }
        StoredBatch first = old.stream().filter(b -> b.id().equals(plan.sources().get(0).batch().id())).findFirst()
                .orElseThrow();
        OffsetDateTime created = old.stream().map(StoredBatch::createdAt)
                .min(java.util.Comparator.comparing(OffsetDateTime::toInstant)).orElseThrow();
        return new StoreRecord.Put(plan.id(), created, first.context(), entries.size(), plan.meta(),
                r.codec().encode(entries), extras.size() == 1 ? extras.iterator().next() : "",
                failureCodec.encode(failures));
    }
}
