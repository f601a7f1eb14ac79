package dev.batchyard.app.detail;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;

/** The selected batch's detail pane, its view model over the console, and copy/export of its JSON. */
public record DetailFeature(BatchDetailView view, BatchDetailViewModel model, Commands commands) {

    /** Copy the shown batch's JSON, export it to a file. */
    public record Commands(Command copyJson, Command exportJson) {
    }

    /** @param now the table's clock, so ages in the detail tick with it */
    public static DetailFeature build(Console console, GoBatchJson json, TaskExecutor executor, Formats formats,
                                      ObservableValue<Instant> now) {
        BatchDetailViewModel model = new BatchDetailViewModel(console::batch, json, executor,
                formats.messages().engineTexts(), console.info().writable() ? console::split : null,
                console.info().writable() ? console::edit : null);
        BatchDetailView view = new BatchDetailView(model, now, formats, new EntryEditorDialog(new dev.batchyard.codec.gojson.GoJson(), formats.messages()));
        now.addListener((o, was, is) -> model.tick(is));
        var messages = formats.messages();
        KeyCombination.Modifier shortcut = KeyCombination.SHORTCUT_DOWN;
        Commands commands = new Commands(
                new Command("copyJson", messages.text("action.copyJson"), MaterialDesignC.CONTENT_COPY,
                        new KeyCodeCombination(KeyCode.C, shortcut, KeyCombination.SHIFT_DOWN),
                        model.rawJsonProperty().isEmpty(), view::copyJson),
                new Command("exportJson", messages.text("action.exportJson"), MaterialDesignE.EXPORT,
                        new KeyCodeCombination(KeyCode.E, shortcut), model.rawJsonProperty().isEmpty(),
                        view::exportJson));
        view.addHeaderButtons(commands.copyJson().button(messages), commands.exportJson().button(messages));
        return new DetailFeature(view, model, commands);
    }
}
