package dev.batchyard.app.goimport;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;
import dev.batchyard.legacy.GoImport;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;

/**
 * File ▸ Import Go batches into this window's store, and File ▸ Open Go directory and File ▸ Open Go
 * dead-letter directory read-only.
 */
public record GoImportFeature(GoImportViewModel model, GoImportCommands commands) {

    /**
     * @param readOnly  when this window's store cannot take the import
     * @param reload    what shows the imported batches
     * @param browse    opens a read-only window over a Go directory (owner, directory)
     * @param browseDlq opens a read-only window over a Go dead-letter directory (owner, directory)
     */
    public static GoImportFeature build(Console console, TaskExecutor executor, Messages messages,
                                        ObservableBooleanValue readOnly, Runnable reload,
                                        BiConsumer<Window, Path> browse, BiConsumer<Window, Path> browseDlq,
                                        Supplier<Window> window) {
        GoImportViewModel model = new GoImportViewModel(console, GoImport.standard(), executor, messages);
        return new GoImportFeature(model, new GoImportCommands(messages, model, readOnly, reload, browse,
                browseDlq, window));
    }
}
