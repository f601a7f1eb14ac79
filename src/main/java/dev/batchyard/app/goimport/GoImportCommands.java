package dev.batchyard.app.goimport;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.ErrorDialog;
import dev.batchyard.app.common.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * File ▸ Import Go batches (into this window's store, then the summary and a reload), File ▸ Open
 * Go directory read-only and File ▸ Open Go dead-letter directory (separate windows; this window's
 * store stays as it is).
 */
public final class GoImportCommands {
    public final Command importGo;
    public final Command browseGo;
    public final Command browseDlq;

    private final Messages messages;
    private final Supplier<Window> window;

    /**
     * @param readOnly when this window's store cannot take the import
     * @param browse   opens a read-only window over a Go directory (owner, directory)
     * @param browseDlq opens a read-only window over a Go dead-letter directory (owner, directory)
     */
    public GoImportCommands(Messages messages, GoImportViewModel model, ObservableBooleanValue readOnly,
                            Runnable reload, BiConsumer<Window, Path> browse, BiConsumer<Window, Path> browseDlq,
                            Supplier<Window> window) {
        this.messages = messages;
        this.window = window;
        GoImportDialog dialog = new GoImportDialog(messages);
        importGo = new Command("importGo", messages.text("action.importGo"), MaterialDesignF.FOLDER_DOWNLOAD_OUTLINE,
                new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.or(readOnly, model.runningProperty()),
                () -> chooseDirectory("goImport.choose").ifPresent(dir -> model.importFrom(dir, summary -> {
                    reload.run();
                    dialog.show(window.get(), summary);
                }, failure -> new ErrorDialog(messages).show(window.get(), "goImport.failed", failure))));
        browseGo = new Command("browseGo", messages.text("action.browseGo"), MaterialDesignF.FOLDER_EYE_OUTLINE,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> false),
                () -> chooseDirectory("goBrowse.choose").ifPresent(dir -> browse.accept(window.get(), dir)));
        this.browseDlq = new Command("browseDlq", messages.text("action.browseDlq"), MaterialDesignF.FOLDER_ALERT_OUTLINE,
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                Bindings.createBooleanBinding(() -> false),
                () -> chooseDirectory("dlqBrowse.choose").ifPresent(dir -> browseDlq.accept(window.get(), dir)));
    }

    private java.util.Optional<Path> chooseDirectory(String titleKey) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.text(titleKey));
        File dir = chooser.showDialog(window.get());
        return java.util.Optional.ofNullable(dir).map(File::toPath);
    }
}
