package dev.batchyard.app.health;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import java.util.stream.Collectors;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The store-health view: every damage report the store made since it opened, one a row. A row's
 * tooltip holds the whole report (the full path, every batch id); "Copy report" (or the shortcut)
 * puts the selected reports on the clipboard, for a ticket or a colleague.
 */
public final class StoreHealthView extends VBox {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final DamageTable table;
    private final DamageWords words;

    public StoreHealthView(StoreHealthViewModel viewModel, Formats formats) {
        super(6);
        Messages messages = formats.messages();
        words = new DamageWords(formats);
        setId("storeHealthView");
        setStyle("-fx-padding: 6 0 0 0;");
        Label note = new Label(messages.text("health.note"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setStyle("-fx-padding: 0 8 0 8;");
        note.setMinHeight(Label.USE_PREF_SIZE);
        Label failure = new Label();
        failure.setId("damageLoadFailure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.setWrapText(true);
        failure.textProperty().bind(viewModel.loadFailureProperty());
        failure.visibleProperty().bind(viewModel.loadFailureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());

        table = new DamageTable(viewModel.reports(), formats, words);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        MenuItem copy = new MenuItem(messages.text("health.copy"));
        copy.setId("copyDamageReport");
        copy.setAccelerator(COPY);
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> copySelected());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelected();
                e.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(note, failure, table);
    }

    /** The selected reports in full, a blank line between them, on the clipboard. */
    void copySelected() {
        String text = table.getSelectionModel().getSelectedItems().stream().map(words::details)
                .collect(Collectors.joining("\n\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    public TableView<CorruptionFound> table() {
        return table;
    }
}
