package dev.batchyard.cli;

import dev.batchyard.engine.BackPressureException;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.StoreException;
import dev.batchyard.model.GoJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-go DIR}: brings every {@code batch_*.json} of a Go agent directory into the store
 * with its id, sink, times, retries, failure reason, context and entries. The source files are
 * only read. With {@code --dry-run} nothing is written and no store is created.
 */
@Command(name = "import-go", mixinStandardHelpOptions = true)
final class ImportGoCommand extends StoreCommand {
    private static final Set<String> FAILURES = Set.of("import.skip.unreadable", "import.skip.storeFull",
            "import.skip.refused");

    @Parameters(paramLabel = "DIR", descriptionKey = "param.goDir")
    Path goDir;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    boolean dryRun;

    @Override
    int run() {
        List<GoFile> files = new GoDirectory(goDir, new GoJson()).scan();
        List<GoFile> outcome;
        if (dryRun) {
            outcome = dryRun(files);
        } else {
            try (OpenStore store = access().forWriting(storeOptions, true)) {
                outcome = importAll(store.engine(), files);
            }
        }
        return print(outcome);
    }

    private List<GoFile> importAll(BatchPersistence engine, List<GoFile> files) {
        List<GoFile> outcome = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GoFile f : files) {
            GoFile checked = check(f, id -> engine.find(id).isPresent(), seen);
            if (!checked.readable()) {
                outcome.add(checked);
                continue;
            }
            try {
                engine.persistBatch(f.batch().batch());
                outcome.add(f);
            } catch (BackPressureException e) {
                outcome.add(GoFile.skipped(f.file(), "import.skip.storeFull", e.getMessage()));
            } catch (StoreException | IllegalArgumentException e) {
                outcome.add(GoFile.skipped(f.file(), "import.skip.refused", e.getMessage()));
            }
        }
        return outcome;
    }

    private List<GoFile> dryRun(List<GoFile> files) {
        Set<String> stored = new HashSet<>();
        // a dry run into a store that does not exist yet compares against nothing and creates nothing
        Path dir = storeOptions.store();
        if (dir == null || Files.isDirectory(dir)) {
            try (OpenStore store = access().forReading(storeOptions)) {
                store.engine().query(BatchQuery.all()).forEach(v -> stored.add(v.id()));
            }
        }
        Set<String> seen = new HashSet<>();
        return files.stream().map(f -> check(f, stored::contains, seen)).toList();
    }

    /** Refuses what persisting would refuse: an invalid id, or one already stored (or seen in this run). */
    private static GoFile check(GoFile f, Predicate<String> present, Set<String> seen) {
        if (!f.readable()) {
            return f;
        }
        String id = f.batch().batch().id();
        String problem = BatchIds.problem(id);
        if (problem != null) {
            return GoFile.skipped(f.file(), "import.skip.badId", problem);
        }
        if (present.test(id) || !seen.add(id)) {
            return GoFile.skipped(f.file(), "import.skip.present", id);
        }
        return f;
    }

    private int print(List<GoFile> outcome) {
        Messages m = messages();
        int imported = 0;
        for (GoFile f : outcome) {
            if (f.readable()) {
                imported++;
                if (!f.batch().unkeptKeys().isEmpty()) {
                    err().println(m.get("import.unkeptKeys", f.file().getFileName(), f.batch().unkeptKeys()));
                }
            } else {
                out().println(m.get("import.skipped", f.file().getFileName(), m.get(f.skip()),
                        f.detail().isEmpty() ? "" : " (" + f.detail() + ")"));
            }
        }
        out().println(m.get(dryRun ? "import.summaryDryRun" : "import.summary", imported, outcome.size() - imported));
        // damaged or duplicate files are expected in a crashed agent's directory; a file that could
        // not be read or stored is an operation that failed
        boolean failed = outcome.stream().anyMatch(f -> !f.readable() && FAILURES.contains(f.skip()));
        return failed ? ExitCode.SOFTWARE : ExitCode.OK;
    }
}
