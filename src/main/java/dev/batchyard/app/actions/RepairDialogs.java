package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.IndexRanges;
import dev.batchyard.engine.SplitRequest;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The questions before a change to the selected batches: the label to set or remove, how to split a
 * batch (chosen entries, or chunks of N), whether to merge. OK is enabled only for an answer the engine
 * can take; the engine checks it again and says why it refuses.
 */
final class RepairDialogs {
    private final Messages messages;

    RepairDialogs(Messages messages) {
        this.messages = messages;
    }

    /** A label to set on every entry: key and value, or the key to remove (value null). */
    record LabelChoice(String key, String value) {
    }

    Optional<LabelChoice> label(Window owner, int batches) {
        Dialog<ButtonType> dialog = SinkDialogs.dialog(owner, messages.text("action.label.title"), "labelDialog");
        dialog.setHeaderText(messages.format("action.label.header", batches));
        TextField key = new TextField();
        key.setId("labelKey");
        TextField value = new TextField();
        value.setId("labelValue");
        CheckBox remove = new CheckBox(messages.text("action.label.remove"));
        remove.setId("labelRemove");
        value.disableProperty().bind(remove.selectedProperty());
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label(messages.text("action.label.key")), key);
        form.addRow(1, new Label(messages.text("action.label.value")), value);
        form.add(remove, 1, 2);
        dialog.getDialogPane().setContent(form);
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> key.getText().isBlank(), key.textProperty()));
        return dialog.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new LabelChoice(key.getText().strip(), remove.isSelected() ? null : value.getText()));
    }

    /** How to split {@code batch}: the entries given (and the rest), or chunks of N. */
    Optional<SplitRequest> split(Window owner, BatchView batch) {
        Dialog<ButtonType> dialog = SinkDialogs.dialog(owner, messages.text("action.split.title"), "splitDialog");
        dialog.setHeaderText(messages.format("action.split.header", batch.id(), batch.entryCount()));
        ToggleGroup how = new ToggleGroup();
        RadioButton byEntries = new RadioButton(messages.text("action.split.entries"));
        byEntries.setId("splitByEntries");
        byEntries.setToggleGroup(how);
        RadioButton byChunks = new RadioButton(messages.text("action.split.chunks"));
        byChunks.setId("splitByChunks");
        byChunks.setToggleGroup(how);
        byChunks.setSelected(true);
        TextField entries = new TextField();
        entries.setId("splitEntries");
        entries.setPromptText("3,5-9");
        entries.disableProperty().bind(byEntries.selectedProperty().not());
        Spinner<Integer> chunk = new Spinner<>(1, Math.max(1, batch.entryCount() - 1), Math.max(1, batch.entryCount() / 2));
        chunk.setId("splitChunk");
        chunk.setEditable(true);
        chunk.disableProperty().bind(byChunks.selectedProperty().not());
        Label problem = new Label();
        problem.setId("splitProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, byChunks, chunk);
        form.addRow(1, byEntries, entries);
        dialog.getDialogPane().setContent(new VBox(8, form, problem));
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("splitOk");
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            if (byChunks.isSelected()) {
                problem.setText("");
                return batch.entryCount() < 2;
            }
            try {
                List<Integer> chosen = IndexRanges.parse(entries.getText());
                problem.setText("");
                return chosen.isEmpty();
            } catch (IllegalArgumentException e) {
                problem.setText(entries.getText().isBlank() ? "" : e.getMessage());
                return true;
            }
        }, entries.textProperty(), byChunks.selectedProperty()));
        return dialog.showAndWait().filter(ButtonType.OK::equals).map(b -> byChunks.isSelected()
                ? SplitRequest.chunks(batch.id(), chunk.getValue())
                : SplitRequest.entries(batch.id(), IndexRanges.parse(entries.getText())));
    }

    /** Whether to merge {@code ids} into one batch. */
    boolean merge(Window owner, List<String> ids) {
        Dialog<ButtonType> dialog = SinkDialogs.dialog(owner, messages.text("action.merge.title"), "mergeDialog");
        dialog.setHeaderText(messages.format("action.merge.header", ids.size(), String.join(", ", ids)));
        Label note = new Label(messages.text("action.merge.note"));
        note.setWrapText(true);
        dialog.getDialogPane().setContent(note);
        return dialog.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
