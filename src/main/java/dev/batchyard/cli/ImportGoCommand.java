package dev.batchyard.cli;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.console.ImportAudit;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.legacy.GoBatchDirectory;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.legacy.GoImportOutcome;
import dev.batchyard.legacy.dlq.DlqBatching;
import dev.batchyard.legacy.dlq.DlqDirectory;
import dev.batchyard.legacy.dlq.DlqImport;
import dev.batchyard.legacy.dlq.DlqImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import-go DIR}: brings every {@code batch_*.json} of a Go agent directory into the store
 * with its id, sink, times, retries, failure reason, context and entries ({@link GoImport}); or,
 * when {@code DIR} holds the agent's dead-letter files ({@code dlq_*.log}), every entry line of
 * them, in batches per failed sink with each entry's own failure ({@link DlqImport}; entry ids
 * already stored are not imported again). The source files are only read
 * ({@link GoBatchDirectory}, {@link DlqDirectory}). With {@code --dry-run} nothing is written and no
 * store is created.
 */
@Command(name = "import-go", mixinStandardHelpOptions = true)
final class ImportGoCommand extends StoreCommand {
    @Parameters(paramLabel = "DIR", descriptionKey = "param.goDir")
    Path goDir;

    @Option(names = "--dry-run", descriptionKey = "option.dryRun")
    boolean dryRun;

    @Option(names = "--max-batch-entries", paramLabel = "N", descriptionKey = "option.maxBatchEntries")
    int maxBatchEntries = DlqBatching.DEFAULT_MAX_ENTRIES;

    @Override
    int run() {
        if (!Files.isDirectory(goDir)) {
            throw new CliException(messages().get("import.noDirectory", goDir));
        }
        if (DlqDirectory.holdsDeadLetters(goDir)) {
            return importDeadLetters();
        }
        GoImport importer = GoImport.standard();
        List<GoImportOutcome> outcome;
        if (dryRun) {
            outcome = importer.dryRun(goDir, storedIds()::contains);
        } else {
            try (CommandConsole store = access().importing(storeOptions)) {
                Console console = store.console();
                ImportAudit audit = new ImportAudit(console, goDir);
                try {
                    outcome = importer.importInto(goDir, id -> console.find(id).isPresent(), audit::persist);
                } finally {
                    audit.finish();
                }
            }
        }
        return new ImportReport(messages(), json, dryRun).print(out(), err(), outcome);
    }

    private int importDeadLetters() {
        if (maxBatchEntries < 1) {
            throw new CliException(messages().get("import.dlq.badMaxEntries", maxBatchEntries));
        }
        DlqImport importer = DlqImport.standard(maxBatchEntries);
        DlqImportReport report;
        if (dryRun) {
            report = importer.dryRun(goDir, storedEntryIds()::contains);
        } else {
            try (CommandConsole store = access().importing(storeOptions)) {
                Console console = store.console();
                Set<String> stored = entryIds(console);
                ImportAudit audit = new ImportAudit(console, goDir);
                try {
                    report = importer.importInto(goDir, stored::contains, audit::persist);
                } finally {
                    audit.finish();
                }
            }
        }
        return new DlqImportPrint(messages(), json, dryRun).print(out(), report);
    }

    /** The entry ids of the dead letters already stored; none (and no store created) when there is no store yet. */
    private Set<String> storedEntryIds() {
        Path dir = storeOptions.store();
        if (dir == null || Files.isDirectory(dir)) {
            try (CommandConsole store = access().reading(storeOptions)) {
                return entryIds(store.console());
            }
        }
        return Set.of();
    }

    /** Every entry id the per-entry failures of the stored dead-letter batches name. */
    private static Set<String> entryIds(Console console) {
        Set<String> ids = new HashSet<>();
        console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, ListCommand.PAGE)
                .filter(v -> v.id().startsWith(DlqBatching.ID_PREFIX))
                .forEach(v -> console.batch(v.id()).ifPresent(b -> b.failures().values()
                        .forEach(f -> ids.add(f.entryId()))));
        return ids;
    }

    /** The ids already stored; none (and no store created) when the store does not exist yet. */
    private Set<String> storedIds() {
        Set<String> stored = new HashSet<>();
        Path dir = storeOptions.store();
        if (dir == null || Files.isDirectory(dir)) {
            try (CommandConsole store = access().reading(storeOptions)) {
                store.console().each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, ListCommand.PAGE)
                        .forEach(v -> stored.add(v.id()));
            }
        }
        return stored;
    }
}
