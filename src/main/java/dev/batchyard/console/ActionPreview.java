package dev.batchyard.console;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a bulk action would touch, read without changing anything: the dry run that the window's
 * confirmation, the CLI's {@code --dry-run} and the admin API's {@code dry_run} all show, so an
 * operator sees the same numbers wherever the action starts.
 *
 * <p>It is a snapshot: batches delivered, added or changed after it was read are not in it, and the
 * action itself answers per id ({@link dev.batchyard.engine.ActionResult}) for whatever changed.
 *
 * @param batches  how many stored batches the action would touch
 * @param entries  their entries, summed
 * @param bytes    their records' size on disk, summed
 * @param perSink  the same three figures per sink the batches are for, by sink name
 * @param inFlight how many are being delivered right now (a retry or discard answers for those)
 * @param dead     how many are dead letters
 * @param looped   how many the loop guard flags (requeued or rerouted more than
 *                 {@code requeue_loop_limit} times): a bulk requeue asks before including them
 * @param notStored the ids asked for that are not in the store, in the order asked (none for a
 *                 preview by query)
 */
public record ActionPreview(int batches, long entries, long bytes, Map<String, Share> perSink,
                            int inFlight, int dead, List<String> notStored, int looped) {

    /** One sink's part of a preview. */
    public record Share(int batches, long entries, long bytes) {
        Share plus(BatchView batch) {
            return new Share(batches + 1, entries + batch.entryCount(), bytes + batch.storedBytes());
        }
    }

    /** A preview in which no batch is looping. */
    public ActionPreview(int batches, long entries, long bytes, Map<String, Share> perSink, int inFlight, int dead,
                         List<String> notStored) {
        this(batches, entries, bytes, perSink, inFlight, dead, notStored, 0);
    }

    public ActionPreview {
        perSink = Collections.unmodifiableMap(new TreeMap<>(perSink));
        notStored = List.copyOf(notStored);
    }

    /**
     * The preview of the stored {@code batches}, added up as the stream goes (nothing is kept per
     * batch, so a million-batch backlog costs no memory); each batch must come once.
     */
    public static ActionPreview of(Stream<BatchView> batches) {
        Tally tally = new Tally();
        batches.forEach(tally::add);
        return tally.preview(List.of());
    }

    /** The preview of an action on {@code asked}, of which {@code found} are the ones stored. */
    public static ActionPreview of(Collection<BatchView> found, Collection<String> asked) {
        Map<String, BatchView> stored = new LinkedHashMap<>();
        found.forEach(batch -> stored.putIfAbsent(batch.id(), batch));
        Tally tally = new Tally();
        stored.values().forEach(tally::add);
        List<String> notStored = new LinkedHashSet<>(asked).stream().filter(id -> !stored.containsKey(id)).toList();
        return tally.preview(notStored);
    }

    /** Adds batches up; not thread-safe. */
    private static final class Tally {
        private int batches;
        private final Map<String, Share> perSink = new TreeMap<>();
        private long entries;
        private long bytes;
        private int inFlight;
        private int dead;
        private int looped;

        void add(BatchView batch) {
            batches++;
            entries += batch.entryCount();
            bytes += batch.storedBytes();
            perSink.merge(batch.sink(), new Share(1, batch.entryCount(), batch.storedBytes()),
                    (was, one) -> was.plus(batch));
            inFlight += batch.state() == BatchState.IN_FLIGHT ? 1 : 0;
            dead += batch.state() == BatchState.DEAD ? 1 : 0;
            looped += batch.looped() ? 1 : 0;
        }

        ActionPreview preview(List<String> notStored) {
            return new ActionPreview(batches, entries, bytes, perSink, inFlight, dead, notStored, looped);
        }
    }
}
