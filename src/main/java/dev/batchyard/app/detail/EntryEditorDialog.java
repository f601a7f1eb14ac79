package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import java.util.Optional;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Edit entry…: a form (message, timestamp, labels, fields) and a raw JSON tab, each checked as it is
 * typed with the error said under it; OK is enabled while what is shown is a valid entry that differs
 * from the one read. Thin: the state and the checks are {@link EntryEditorViewModel}'s.
 */
public final class EntryEditorDialog {
    private static final double WIDTH = 620;

    private final GoJson json;
    private final Messages messages;

    public EntryEditorDialog(GoJson json, Messages messages) {
        this.json = json;
        this.messages = messages;
    }

    /** What the operator asks: the edited entry's JSON and the entry as it was read; empty when cancelled. */
    public record Edit(String json, String before) {
    }

    public Optional<Edit> edit(Window owner, String batchId, int index, LogEntry entry) {
        EntryEditorViewModel model = new EntryEditorViewModel(entry, json, messages);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("editor.title"));
        dialog.setHeaderText(messages.format("editor.header", index, batchId));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("entryEditorDialog");
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        TextField message = new TextField();
        message.setId("editorMessage");
        message.textProperty().bindBidirectional(model.messageProperty());
        TextField timestamp = new TextField();
        timestamp.setId("editorTimestamp");
        timestamp.setPromptText(messages.text("editor.timestamp.prompt"));
        timestamp.textProperty().bindBidirectional(model.timestampProperty());
        TextArea labels = area("editorLabels", 4, model.labelsProperty().get());
        labels.setPromptText(messages.text("editor.labels.prompt"));
        labels.textProperty().bindBidirectional(model.labelsProperty());
        TextArea fields = area("editorFields", 6, model.fieldsProperty().get());
        fields.setPromptText(messages.text("editor.fields.prompt"));
        fields.textProperty().bindBidirectional(model.fieldsProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(messages.text("editor.message")), message);
        form.addRow(1, new Label(messages.text("editor.timestamp")), timestamp);
        form.addRow(2, new Label(messages.text("editor.labels")), labels);
        form.addRow(3, new Label(messages.text("editor.fields")), fields);
        GridPane.setHgrow(message, Priority.ALWAYS);
        GridPane.setHgrow(labels, Priority.ALWAYS);
        GridPane.setHgrow(fields, Priority.ALWAYS);
        Label formError = error("editorFormError", model.formErrorProperty());

        TextArea raw = area("editorJson", 16, "");
        raw.textProperty().bindBidirectional(model.rawJsonProperty());
        raw.setStyle("-fx-font-family: monospace;");
        Label jsonError = error("editorJsonError", model.jsonErrorProperty());

        Tab formTab = new Tab(messages.text("editor.tab.form"), new VBox(8, form, formError));
        formTab.setId("editorFormTab");
        Tab jsonTab = new Tab(messages.text("editor.tab.json"), new VBox(8, raw, jsonError));
        jsonTab.setId("editorJsonTab");
        VBox.setVgrow(raw, Priority.ALWAYS);
        TabPane tabs = new TabPane(formTab, jsonTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is == jsonTab) {
                model.showJson();
            } else {
                model.showForm();
            }
        });
        dialog.getDialogPane().setContent(tabs);

        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("editorOk");
        Runnable check = () -> ok.setDisable(model.result().isEmpty());
        for (var p : new javafx.beans.Observable[] {model.messageProperty(), model.timestampProperty(),
                model.labelsProperty(), model.fieldsProperty(), model.rawJsonProperty(), model.editingJsonProperty()}) {
            p.addListener(o -> check.run());
        }
        check.run();
        return dialog.showAndWait().filter(ButtonType.OK::equals).flatMap(b -> model.result())
                .map(text -> new Edit(text, model.original()));
    }

    private static TextArea area(String id, int rows, String text) {
        TextArea area = new TextArea(text);
        area.setId(id);
        area.setPrefRowCount(rows);
        area.setWrapText(true);
        return area;
    }

    private static Label error(String id, ObservableStringValue text) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(text);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }
}
