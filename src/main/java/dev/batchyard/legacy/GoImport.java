package dev.batchyard.legacy;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brings every {@code batch_*.json} of a Go agent directory into a store, file by file, and says
 * what happened to each (sorted by file). Shared by the CLI's {@code import-go} and the app's
 * File ▸ Import Go batches, so both skip the same files for the same reasons. The source files
 * are only read ({@link GoBatchDirectory}).
 */
public final class GoImport {
    /**
     * Where imported batches go: a store's {@code persist}, durable on return, throwing the store's
     * exceptions ({@code BackPressureException} when full, a {@code StoreException} when it refuses).
     */
    @FunctionalInterface
    public interface Persist {
        void persist(NewBatch batch);
    }

    private final GoBatchDirectory directory;

    public GoImport(GoBatchDirectory directory) {
        this.directory = directory;
    }

    /** The usual reader of Go's own format. */
    public static GoImport standard() {
        return new GoImport(new GoBatchDirectory(new GoBatchReader(new GoBatchFormat(new GoJson()))));
    }

    /**
     * Imports into a store through {@code store}; ids {@code stored} says it already has are skipped
     * ({@link GoImportOutcome.AlreadyPresent}).
     */
    public List<GoImportOutcome> importInto(Path goDir, Predicate<String> stored, Persist store) {
        GoBatchDirectory.Scan scan = directory.scan(goDir);
        List<GoImportOutcome> outcome = rejected(scan);
        Set<String> seen = new HashSet<>();
        for (BatchFileResult.Loaded f : scan.loaded()) {
            GoImportOutcome checked = check(f, stored, seen);
            outcome.add(checked instanceof GoImportOutcome.Imported ok ? persist(store, f, ok) : checked);
        }
        return sorted(outcome);
    }

    /** What {@link #importInto} would do, given the ids already {@code stored}; writes nothing. */
    public List<GoImportOutcome> dryRun(Path goDir, Predicate<String> stored) {
        GoBatchDirectory.Scan scan = directory.scan(goDir);
        List<GoImportOutcome> outcome = rejected(scan);
        Set<String> seen = new HashSet<>();
        scan.loaded().forEach(f -> outcome.add(check(f, stored, seen)));
        return sorted(outcome);
    }

    private static List<GoImportOutcome> rejected(GoBatchDirectory.Scan scan) {
        List<GoImportOutcome> outcome = new ArrayList<>();
        scan.rejected().forEach(r -> outcome.add(new GoImportOutcome.Unusable(r.file(), r.problem(), r.detail())));
        return outcome;
    }

    private static List<GoImportOutcome> sorted(List<GoImportOutcome> outcome) {
        outcome.sort(Comparator.comparing(GoImportOutcome::file));
        return List.copyOf(outcome);
    }

    private static GoImportOutcome persist(Persist store, BatchFileResult.Loaded f, GoImportOutcome.Imported ok) {
        try {
            store.persist(GoToEngine.toNewBatch(f.batch()));
            return ok;
        } catch (BackPressureException e) {
            return new GoImportOutcome.StoreFull(f.file(), e.getMessage());
        } catch (StoreException | IllegalArgumentException e) {
            return new GoImportOutcome.Refused(f.file(), e.getMessage());
        }
    }

    /** Refuses what persisting would refuse: an invalid id, or one already stored (or seen in this run). */
    private static GoImportOutcome check(BatchFileResult.Loaded f, Predicate<String> present, Set<String> seen) {
        String id = f.batch().id();
        String problem = BatchIds.problem(id);
        if (problem != null) {
            return new GoImportOutcome.BadId(f.file(), problem);
        }
        if (present.test(id) || !seen.add(id)) {
            return new GoImportOutcome.AlreadyPresent(f.file(), id);
        }
        return new GoImportOutcome.Imported(f.file(), GoToEngine.unkept(f.batch()));
    }
}
