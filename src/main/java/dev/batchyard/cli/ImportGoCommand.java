package dev.batchyard.cli;

import dev.batchyard.engine.BackPressureException;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.NewBatch;
import dev.batchyard.engine.StoreException;
import dev.batchyard.legacy.BatchFileResult;
import dev.batchyard.legacy.GoBatchDirectory;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.legacy.GoBatchReader;
import dev.batchyard.model.GoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-go DIR}: brings every {@code batch_*.json} of a Go agent directory into the store
 * with its id, sink, times, retries, failure reason, context and entries. The source files are
 * only read ({@link GoBatchDirectory}). With {@code --dry-run} nothing is written and no store is
 * created.
 */
@Command(name = "import-go", mixinStandardHelpOptions = true)
final class ImportGoCommand extends StoreCommand {
    @Parameters(paramLabel = "DIR", descriptionKey = "param.goDir")
    Path goDir;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    boolean dryRun;

    @Override
    int run() {
        if (!Files.isDirectory(goDir)) {
            throw new CliException(messages().get("import.noDirectory", goDir));
        }
        GoBatchDirectory.Scan scan = new GoBatchDirectory(new GoBatchReader(new GoBatchFormat(new GoJson()))).scan(goDir);
        List<ImportOutcome> outcome = new ArrayList<>();
        scan.rejected().forEach(r -> outcome.add(ImportOutcome.skipped(r.file(), "import.skip." + r.problem().name(), r.detail())));
        if (dryRun) {
            Set<String> stored = storedIds();
            Set<String> seen = new HashSet<>();
            scan.loaded().forEach(f -> outcome.add(check(f, stored::contains, seen)));
        } else {
            try (OpenStore store = access().forWriting(storeOptions, true)) {
                importAll(store.engine(), scan.loaded(), outcome);
            }
        }
        outcome.sort(Comparator.comparing(ImportOutcome::file));
        return new ImportReport(messages(), json, dryRun).print(out(), err(), outcome);
    }

    private void importAll(BatchPersistence engine, List<BatchFileResult.Loaded> files, List<ImportOutcome> outcome) {
        Set<String> seen = new HashSet<>();
        for (BatchFileResult.Loaded f : files) {
            ImportOutcome checked = check(f, id -> engine.find(id).isPresent(), seen);
            if (checked.isImported()) {
                checked = persist(engine, f, checked);
            }
            outcome.add(checked);
        }
    }

    private static ImportOutcome persist(BatchPersistence engine, BatchFileResult.Loaded f, ImportOutcome ok) {
        try {
            NewBatch batch = GoBatches.toNewBatch(f.batch());
            engine.persistBatch(batch);
            return ok;
        } catch (BackPressureException e) {
            return ImportOutcome.skipped(f.file(), "import.skip.storeFull", e.getMessage());
        } catch (StoreException | IllegalArgumentException e) {
            return ImportOutcome.skipped(f.file(), "import.skip.refused", e.getMessage());
        }
    }

    /** The ids already stored; none (and no store created) when the store does not exist yet. */
    private Set<String> storedIds() {
        Set<String> stored = new HashSet<>();
        Path dir = storeOptions.store();
        if (dir == null || Files.isDirectory(dir)) {
            try (OpenStore store = access().forReading(storeOptions)) {
                store.engine().query(BatchQuery.all()).forEach(v -> stored.add(v.id()));
            }
        }
        return stored;
    }

    /** Refuses what persisting would refuse: an invalid id, or one already stored (or seen in this run). */
    private static ImportOutcome check(BatchFileResult.Loaded f, Predicate<String> present, Set<String> seen) {
        String id = f.batch().id();
        String problem = BatchIds.problem(id);
        if (problem != null) {
            return ImportOutcome.skipped(f.file(), "import.skip.badId", problem);
        }
        if (present.test(id) || !seen.add(id)) {
            return ImportOutcome.skipped(f.file(), "import.skip.present", id);
        }
        return ImportOutcome.imported(f.file(), GoBatches.unkept(f.batch()));
    }
}
