package dev.batchyard.cli;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.legacy.GoBatchDirectory;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.legacy.GoImportOutcome;
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
 * with its id, sink, times, retries, failure reason, context and entries ({@link GoImport}). The
 * source files are only read ({@link GoBatchDirectory}). With {@code --dry-run} nothing is written
 * and no store is created.
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
        GoImport importer = GoImport.standard();
        List<GoImportOutcome> outcome;
        if (dryRun) {
            outcome = importer.dryRun(goDir, storedIds()::contains);
        } else {
            try (CommandConsole store = access().importing(storeOptions)) {
                Console console = store.console();
                outcome = importer.importInto(goDir, id -> console.find(id).isPresent(), console::persist);
            }
        }
        return new ImportReport(messages(), json, dryRun).print(out(), err(), outcome);
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
