package dev.batchyard.engine;

import dev.batchyard.codec.gojson.GoFailureCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.BatchChangedException;
import dev.batchyard.engine.store.BatchMeta;
import dev.batchyard.engine.store.LogStore;
import dev.batchyard.engine.store.RemovalCause;
import dev.batchyard.engine.store.StoreRecord;
import dev.batchyard.engine.store.StoredBatch;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Edits stored batches before they are sent again ({@link EditRequest}): each edit is one durable,
 * atomic store change ({@link LogStore#replace}) that puts the edited batch in place under its own
 * id and keeps the version it replaced as a soft-discarded batch ({@link BatchMeta.Discard#versionOf}),
 * so that for {@code discard_grace} the restore of discarded batches takes the edit back: the kept
 * version returns in the batch's place, and the edited one is kept the same way. After a crash the
 * store holds the old version alone or the new one with the old kept, never both live, never neither.
 *
 * <p>The batch keeps its sink, context, state and history; its history gains a note of what changed
 * ({@link Attempt.Outcome#EDITED}, entry indexes and values before → after, bounded), and the audit
 * trail an {@code edit} line saying the same. Per-entry failures and rejections move with their entries.
 * A batch in flight, changed since it was read, discarded or gone is refused with nothing changed, as
 * is an edit that cannot be done (an empty label key, JSON that is not a log entry, removing every entry).
 * Thread-safe.
 */
final class Edits {
    /** A history note longer than this is cut: the audit trail has the lines, the note only says enough. */
    static final int MAX_NOTE_CHARS = 1000;
    private static final String KEPT_SUFFIX = ".before-edit";

    private final Replacing r;
    private final GoFailureCodec failureCodec = new GoFailureCodec(new GoJson());
    private final GoJson json = new GoJson();

    Edits(Replacing r) {
        this.r = r;
    }

    /** One batch's entries after the edit, where each old entry went (-1: removed), and what changed. */
    private record Revision(List<LogEntry> entries, int[] newIndex, EntryChanges changes) {
    }

    EditResult edit(EditRequest request, Actor actor) {
        List<String> ids = request.ids();
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no batch to edit was given");
        }
        if (new LinkedHashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("batch ids given twice: " + ids);
        }
        // an edit that can never be done is refused before any batch is claimed
        Optional<LogEntry> replacement = check(request);
        ids.forEach(r.lifecycle()::requireLive);
        return r.held().claimed(ids, () -> apply(request, replacement, actor));
    }

    private Optional<LogEntry> check(EditRequest request) {
        if (request instanceof EditRequest.SetLabel set) {
            if (set.key().isBlank()) {
                throw new IllegalArgumentException("the label key is empty: give the name of the label to "
                        + (set.removes() ? "remove" : "set"));
            }
            return Optional.empty();
        }
        if (request instanceof EditRequest.RemoveEntries remove) {
            if (remove.entries().isEmpty()) {
                throw new IllegalArgumentException("no entries of batch '" + remove.id() + "' to remove were given");
            }
            return Optional.empty();
        }
        EditRequest.ReplaceEntry replace = (EditRequest.ReplaceEntry) request;
        return Optional.of(entry(replace.json(), replace.index(), replace.id()));
    }

    /** The entry {@code text} holds, or why it is not one, naming the entry and the batch. */
    private LogEntry entry(String text, int index, String id) {
        String where = "entry " + index + " of batch '" + id + "'";
        LogEntry entry;
        try {
            entry = json.read(text.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(where + ": the edit is not a log entry as JSON: " + e.getMessage(), e);
        }
        if (entry.labels() != null && entry.labels().keySet().stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(where + ": a label key is empty: give every label a name");
        }
        return entry;
    }

    private EditResult apply(EditRequest request, Optional<LogEntry> replacement, Actor actor) {
        Instant now = r.clock().instant();
        Map<String, BatchMeta> expected = new LinkedHashMap<>();
        List<StoreRecord.Put> puts = new ArrayList<>();
        List<EditResult.Edited> edited = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String id : request.ids()) {
            StoredBatch stored = r.lifecycle().requireLive(id);
            Batch batch = r.lifecycle().load(id).orElseThrow(() -> new UnknownBatchException(id));
            StoreRecord.Put record = r.store().readRecord(id).orElseThrow(() -> new UnknownBatchException(id));
            Revision revision = revise(request, replacement, batch);
            if (revision.changes().isEmpty()) {
                if (request instanceof EditRequest.SetLabel) {
                    continue; // a batch whose entries all have the label already: nothing to keep, nothing to write
                }
                throw new IllegalArgumentException("the edit leaves batch '" + id + "' as it is: nothing to change");
            }
            String kept = r.held().freeId(id + KEPT_SUFFIX, taken);
            List<String> lines = revision.changes().lines();
            String note = cut("edited by " + actor.name() + ": " + String.join("; ", lines)
                    + " (the version before is kept as " + kept + ")");
            expected.put(id, stored.meta());
            puts.add(new StoreRecord.Put(id, record.createdAt(), record.context(), revision.entries().size(),
                    editedMeta(stored.meta(), revision.newIndex()).withAttempt(
                            new Attempt(now, stored.meta().sink(), Duration.ZERO, Attempt.Outcome.EDITED, note)),
                    r.codec().encode(revision.entries()), record.extras(), failureCodec.encode(moved(batch, revision.newIndex()))));
            puts.add(keptVersion(record, kept, stored.meta(), id, now,
                    "the version of " + id + " before an edit by " + actor.name(), actor));
            edited.add(new EditResult.Edited(id, kept, batch.entries().size(), revision.entries().size(), lines));
        }
        if (edited.isEmpty()) {
            EditRequest.SetLabel set = (EditRequest.SetLabel) request;
            throw new IllegalArgumentException(set.removes()
                    ? "no entry of the " + request.ids().size() + " batches has the label '" + set.key() + "': nothing to change"
                    : "every entry of the " + request.ids().size() + " batches has " + set.key() + "=" + set.value()
                    + " already: nothing to change");
        }
        r.store().replace(expected, puts, RemovalCause.EDITED, "edited; the versions before are kept as "
                + String.join(", ", edited.stream().map(EditResult.Edited::previousVersion).toList()), r.config().storeLimits());
        List<ActionResult> results = new ArrayList<>();
        for (EditResult.Edited e : edited) {
            results.add(ActionResult.of(e.id(), ActionResult.Reason.EDITED, String.join("; ", e.changes()),
                    e.previousVersion()));
        }
        r.audit().record(now, actor, "edit", describe(request), results);
        for (EditResult.Edited e : edited) {
            r.events().publish(new BatchEvent.Edited(now, e.id(), expected.get(e.id()).sink(), e.entriesAfter(),
                    e.previousVersion(), actor));
        }
        return new EditResult(edited);
    }

    private Revision revise(EditRequest request, Optional<LogEntry> replacement, Batch batch) {
        List<LogEntry> entries = batch.entries();
        int n = entries.size();
        String id = batch.id();
        int[] newIndex = new int[n];
        EntryChanges changes = new EntryChanges();
        List<LogEntry> out = new ArrayList<>(n);
        if (request instanceof EditRequest.RemoveEntries remove) {
            Set<Integer> gone = new HashSet<>();
            for (int i : remove.entries()) {
                requireIndex(id, n, i);
                gone.add(i);
            }
            if (gone.size() == n) {
                throw new IllegalArgumentException("removing all " + n + (n == 1 ? " entry" : " entries") + " of batch '"
                        + id + "' would leave it empty: discard the batch instead");
            }
            for (int i = 0; i < n; i++) {
                if (gone.contains(i)) {
                    newIndex[i] = -1;
                    changes.removed(i, entries.get(i));
                } else {
                    newIndex[i] = out.size();
                    out.add(entries.get(i));
                }
            }
            return new Revision(out, newIndex, changes);
        }
        for (int i = 0; i < n; i++) {
            newIndex[i] = i;
        }
        if (request instanceof EditRequest.ReplaceEntry replace) {
            int i = replace.index();
            requireIndex(id, n, i);
            // compared as the Go agent writes them: a missing time reads back as Go's zero time
            LogEntry current = json.read(json.write(entries.get(i), false));
            if (!replace.before().isEmpty() && !entry(replace.before(), i, id).equals(current)) {
                throw new BatchChangedException(id, "entry " + i + " is no longer what was read");
            }
            out.addAll(entries);
            out.set(i, replacement.orElseThrow());
            changes.entry(i, current, out.get(i));
            return new Revision(out, newIndex, changes);
        }
        EditRequest.SetLabel set = (EditRequest.SetLabel) request;
        for (int i = 0; i < n; i++) {
            LogEntry e = entries.get(i);
            Map<String, String> labels = e.labels() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(e.labels());
            if (set.removes()) {
                labels.remove(set.key());
            } else {
                labels.put(set.key(), set.value());
            }
            LogEntry after = labels.equals(e.labels() == null ? Map.of() : e.labels()) ? e
                    : e.toBuilder().labels(labels).build();
            changes.entry(i, e, after);
            out.add(after);
        }
        return new Revision(out, newIndex, changes);
    }

    private static void requireIndex(String id, int n, int i) {
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("batch '" + id + "' has entries 0 to " + (n - 1) + ": there is no entry " + i);
        }
    }

    /** The batch's metadata with its rejections moved to the entries' new indexes; an edit keeps its state. */
    private static BatchMeta editedMeta(BatchMeta meta, int[] newIndex) {
        List<Attempt> history = meta.attempts().stream()
                .map(a -> a.withRejectionsMoved(i -> i < newIndex.length ? newIndex[i] : -1)).toList();
        return new BatchMeta(meta.sink(), meta.state(), meta.retryCount(), meta.lastAttempt(), meta.failureReason(),
                meta.nextAttemptAt(), history, null, meta.requeues());
    }

    private static SortedMap<Integer, EntryFailure> moved(Batch batch, int[] newIndex) {
        SortedMap<Integer, EntryFailure> out = new TreeMap<>();
        batch.failures().forEach((i, f) -> {
            if (i < newIndex.length && newIndex[i] >= 0) {
                out.put(newIndex[i], f);
            }
        });
        return out;
    }

    /** {@code record}'s bytes as they are, under {@code keptId}, discarded as the version of {@code of} it was. */
    private static StoreRecord.Put keptVersion(StoreRecord.Put record, String keptId, BatchMeta meta, String of,
                                               Instant now, String why, Actor actor) {
        return new StoreRecord.Put(keptId, record.createdAt(), record.context(), record.entryCount(),
                meta.withDiscard(new BatchMeta.Discard(now, why, actor.name(), of)), record.entries(), record.extras(),
                record.failures());
    }

    /**
     * The restore of {@code version}, a version an edit replaced (see {@link BatchMeta.Discard#versionOf}): within
     * {@code grace} it goes back in the place of the batch it is a version of, in one durable change that keeps
     * that batch's current version the same way (so the restore can itself be taken back); if that batch is no
     * longer stored (delivered, purged), the version simply comes back under its id.
     */
    ActionResult restoreVersion(StoredBatch version, Duration grace, Actor actor) {
        String versionId = version.id();
        BatchMeta.Discard discard = version.meta().discard();
        Instant now = r.clock().instant();
        if (!now.isBefore(discard.at().plus(grace))) {
            return ActionResult.of(versionId, ActionResult.Reason.PAST_GRACE, discard.at().toString(), grace.toString());
        }
        String target = discard.versionOf();
        List<String> hold = r.lifecycle().live(target).isPresent() ? List.of(target) : List.of();
        return r.held().claimed(hold, () -> {
            StoredBatch v = r.store().get(versionId).filter(b -> b.meta().equals(version.meta()))
                    .orElseThrow(() -> new BatchChangedException(versionId, "restored or purged"));
            StoreRecord.Put vRecord = r.store().readRecord(versionId).orElseThrow(() -> new UnknownBatchException(versionId));
            Optional<StoredBatch> current = r.store().get(target);
            Map<String, BatchMeta> expected = new LinkedHashMap<>();
            expected.put(versionId, v.meta());
            List<StoreRecord.Put> puts = new ArrayList<>();
            String kept = null;
            if (current.isPresent()) {
                expected.put(target, current.get().meta());
                kept = versionId; // the two versions swap ids: the restore is itself restorable
                StoreRecord.Put cRecord = r.store().readRecord(target).orElseThrow(() -> new UnknownBatchException(target));
                puts.add(keptVersion(cRecord, kept, current.get().meta(), target, now, "the version of " + target
                        + " replaced when " + actor.name() + " restored the one before an edit", actor));
            }
            String note = "the version from before an edit, restored by " + actor.name()
                    + (kept == null ? "" : "; the version it replaced is kept as " + kept);
            BatchMeta restored = v.meta().withDiscard(null)
                    .withAttempt(new Attempt(now, v.meta().sink(), Duration.ZERO, Attempt.Outcome.EDITED, note));
            puts.add(0, new StoreRecord.Put(target, vRecord.createdAt(), vRecord.context(), vRecord.entryCount(), restored,
                    vRecord.entries(), vRecord.extras(), vRecord.failures()));
            r.store().replace(expected, puts, RemovalCause.EDITED, "restored " + versionId + " as " + target,
                    r.config().storeLimits());
            r.events().publish(new BatchEvent.Edited(now, target, restored.sink(), vRecord.entryCount(),
                    kept == null ? "" : kept, actor));
            return kept == null ? ActionResult.of(versionId, ActionResult.Reason.VERSION_RESTORED_ALONE, target)
                    : ActionResult.of(versionId, ActionResult.Reason.VERSION_RESTORED, target, kept);
        });
    }

    private static String describe(EditRequest request) {
        if (request instanceof EditRequest.RemoveEntries remove) {
            return "removed entries " + IndexRanges.format(new ArrayList<>(new java.util.TreeSet<>(remove.entries())));
        }
        if (request instanceof EditRequest.ReplaceEntry replace) {
            return "edited entry " + replace.index();
        }
        EditRequest.SetLabel set = (EditRequest.SetLabel) request;
        return set.removes() ? "removed label " + EntryChanges.value(set.key())
                : "set label " + EntryChanges.value(set.key()) + " to " + EntryChanges.value(set.value());
    }

    private static String cut(String note) {
        return note.length() <= MAX_NOTE_CHARS ? note : note.substring(0, MAX_NOTE_CHARS) + "…";
    }
}
