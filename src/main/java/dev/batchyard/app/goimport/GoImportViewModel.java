package dev.batchyard.app.goimport;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;
import dev.batchyard.console.ImportAudit;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.legacy.GoImportOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * File ▸ Import Go batches: runs {@link GoImport} on the background executor (reading hundreds of
 * files and fsyncing each batch must not freeze the window) and hands the summary back on the UI
 * thread. One import at a time.
 */
public final class GoImportViewModel {
    private final Console console;
    private final GoImport importer;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");

    public GoImportViewModel(Console console, GoImport importer, TaskExecutor executor, Messages messages) {
        this.console = console;
        this.importer = importer;
        this.executor = executor;
        this.messages = messages;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Imports {@code goDir}; then exactly one of the two callbacks runs on the UI thread. */
    public void importFrom(Path goDir, Consumer<GoImportSummary> onDone, Consumer<Throwable> onFailure) {
        running.set(true);
        executor.submit(() -> {
            ImportAudit audit = new ImportAudit(console, goDir);
            try {
                return summarise(importer.importInto(goDir, id -> console.find(id).isPresent(), audit::persist));
            } finally {
                audit.finish();
            }
        }, summary -> {
            running.set(false);
            onDone.accept(summary);
        }, failure -> {
            running.set(false);
            onFailure.accept(failure);
        });
    }

    GoImportSummary summarise(List<GoImportOutcome> outcome) {
        int imported = 0;
        List<String> skipped = new ArrayList<>();
        for (GoImportOutcome f : outcome) {
            if (f instanceof GoImportOutcome.Skipped s) {
                skipped.add(messages.format("goImport.skippedFile", f.file().getFileName().toString(),
                        reason(s.code()), s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
            } else {
                imported++;
            }
        }
        return new GoImportSummary(imported, skipped.size(),
                messages.format("goImport.summary", imported, skipped.size()), skipped);
    }

    /** The words for a {@link GoImportOutcome.Skipped#code()}; spelled out so every key is findable. */
    private String reason(String code) {
        return messages.text(switch (code) {
            case "EMPTY" -> "goImport.skip.empty";
            case "CUT_SHORT" -> "goImport.skip.cutShort";
            case "NOT_JSON" -> "goImport.skip.notJson";
            case "NOT_A_BATCH" -> "goImport.skip.notABatch";
            case "ID_MISMATCH" -> "goImport.skip.idMismatch";
            case "UNREADABLE" -> "goImport.skip.unreadable";
            case "SYMLINK" -> "goImport.skip.symlink";
            case "TOO_LARGE" -> "goImport.skip.tooLarge";
            case "present" -> "goImport.skip.present";
            case "badId" -> "goImport.skip.badId";
            case "storeFull" -> "goImport.skip.storeFull";
            default -> "goImport.skip.refused";
        });
    }
}
