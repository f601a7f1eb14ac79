package dev.batchyard.legacy.dlq;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Brings the Go agent's dead-letter directory into a store: every entry line, grouped into batches
 * per failed sink ({@link DlqBatching}), each entry with its own failure. Shared by the CLI's
 * {@code import-go} and the window, so both take in and skip the same lines for the same reasons.
 * The source files are only read ({@link DlqDirectory}).
 *
 * <p><b>Idempotent by entry id:</b> the caller says which entry ids the store holds already; those
 * lines are reported as duplicates, not stored again, so running an import twice, or again after
 * the agent appended lines, stores each entry once. An import cut short (a crash, a full store) is
 * finished by running it again. Batches are stored one by one, each durable on return; the import
 * as a whole is not one transaction.
 */
public final class DlqImport {
    /** Damaged lines listed one by one in a report; beyond that they are only counted. */
    public static final int LISTED_LINES = 1000;

    /**
     * Where imported batches go: a store's {@code persist}, durable on return, throwing the store's
     * exceptions ({@link BackPressureException} when full, a {@link StoreException} or an
     * {@link IllegalArgumentException} when it refuses).
     */
    @FunctionalInterface
    public interface Persist {
        void persist(NewBatch batch);
    }

    private final DlqDirectory directory;
    private final int maxEntries;
    private final long maxLineBytes;

    /** @param maxEntries at most this many entries a batch ({@link DlqBatching#DEFAULT_MAX_ENTRIES} by default) */
    public DlqImport(DlqDirectory directory, int maxEntries, long maxLineBytes) {
        this.directory = directory;
        this.maxEntries = maxEntries;
        this.maxLineBytes = maxLineBytes;
    }

    /** The usual reader, batches of at most {@code maxEntries}. */
    public static DlqImport standard(int maxEntries) {
        return new DlqImport(new DlqDirectory(new DlqFileReader(new DlqLineFormat(new GoJson()))), maxEntries,
                DlqBatching.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Imports {@code dir} into a store.
     *
     * @param entryStored whether the store holds an entry id already
     * @throws java.io.UncheckedIOException naming the directory when it cannot be listed
     */
    public DlqImportReport importInto(Path dir, Predicate<String> entryStored, Persist store) {
        return run(dir, entryStored, store);
    }

    /** What {@link #importInto} would store, given the entry ids already stored; writes nothing. */
    public DlqImportReport dryRun(Path dir, Predicate<String> entryStored) {
        return run(dir, entryStored, null);
    }

    private DlqImportReport run(Path dir, Predicate<String> entryStored, Persist store) {
        Tally tally = new Tally(store);
        DlqBatching batching = new DlqBatching(maxEntries, maxLineBytes, entryStored, tally::batch, tally::damaged);
        directory.scan(dir, new DlqVisitor() {
            @Override
            public void letter(DeadLetter letter) {
                batching.add(letter);
            }

            @Override
            public void damaged(DamagedLine line) {
                tally.damaged(line);
            }

            @Override
            public void refused(RefusedFile file) {
                tally.refused.add(file);
            }
        });
        batching.finish();
        return new DlqImportReport(tally.stored, tally.notStored, tally.damaged, tally.byProblem, tally.refused);
    }

    /** Gathers the report and stores each batch as it comes (none in a dry run). */
    private static final class Tally {
        private final Persist store;
        private final List<DlqImportReport.StoredBatch> stored = new ArrayList<>();
        private final List<DlqImportReport.NotStored> notStored = new ArrayList<>();
        private final List<DamagedLine> damaged = new ArrayList<>();
        private final Map<LineProblem, Long> byProblem = new EnumMap<>(LineProblem.class);
        private final List<RefusedFile> refused = new ArrayList<>();

        Tally(Persist store) {
            this.store = store;
        }

        void damaged(DamagedLine line) {
            byProblem.merge(line.problem(), 1L, Long::sum);
            if (damaged.size() < LISTED_LINES) {
                damaged.add(line);
            }
        }

        void batch(DlqBatch batch) {
            DlqImportReport.StoredBatch summary = new DlqImportReport.StoredBatch(batch.id(), batch.sink(),
                    batch.letters().size(), batch.letters().get(0).place());
            if (store == null) {
                stored.add(summary);
                return;
            }
            try {
                store.persist(DlqToEngine.toNewBatch(batch));
                stored.add(summary);
            } catch (BackPressureException e) {
                notStored.add(new DlqImportReport.NotStored(summary, true, e.getMessage()));
            } catch (StoreException | IllegalArgumentException e) {
                notStored.add(new DlqImportReport.NotStored(summary, false, e.getMessage()));
            }
        }
    }
}
