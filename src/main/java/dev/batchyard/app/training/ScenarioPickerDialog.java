package dev.batchyard.app.training;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.Language;
import dev.batchyard.training.scenario.Scenario;
import java.io.File;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Demo mode on an empty store asks what to show: a training scenario (built in, or a trainer's
 * file) or the free demo. The answer is the scenario, or empty for the free demo.
 */
public final class ScenarioPickerDialog {
    private final ScenarioPickerViewModel viewModel;

    public ScenarioPickerDialog(ScenarioPickerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Shows the picker and waits: the chosen scenario, or empty for the free demo. */
    public Optional<Scenario> ask(Window owner) {
        return build(owner).showAndWait().flatMap(Optional::ofNullable);
    }

    /** The dialog, not shown yet (tests show it themselves). */
    public Dialog<Scenario> build(Window owner) {
        Messages messages = viewModel.messages();
        Language language = Language.of(messages.locale());
        Dialog<Scenario> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("picker.title"));
        dialog.setHeaderText(messages.text("picker.header"));
        dialog.getDialogPane().setId("scenarioPicker");

        ListView<Scenario> list = new ListView<>(viewModel.scenarios());
        list.setId("scenarioList");
        list.setPrefSize(640, 440);
        list.setCellFactory(v -> new ScenarioCell(messages, language));
        list.getSelectionModel().select(viewModel.chosenProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> viewModel.chosenProperty().set(now));
        viewModel.chosenProperty().addListener((o, was, now) -> list.getSelectionModel().select(now));
        Label failure = new Label();
        failure.setId("scenarioLoadFailure");
        failure.setWrapText(true);
        failure.getStyleClass().add(Styles.DANGER);
        failure.textProperty().bind(viewModel.loadFailureProperty());
        failure.visibleProperty().bind(viewModel.loadFailureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        failure.setMaxWidth(620);
        dialog.getDialogPane().setContent(new VBox(8, list, failure));

        ButtonType start = new ButtonType(messages.text("picker.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType free = new ButtonType(messages.text("picker.free"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType load = new ButtonType(messages.text("picker.load"), ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(load, free, start);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("startScenario");
        startButton.disableProperty().bind(viewModel.chosenProperty().isNull());
        dialog.getDialogPane().lookupButton(free).setId("freeDemo");
        Button loadButton = (Button) dialog.getDialogPane().lookupButton(load);
        loadButton.setId("loadScenario");
        // its own width, never cut ("Carregar arquivo d..."): the bar's uniform width is the other two's
        ButtonBar.setButtonUniformSize(loadButton, false);
        loadButton.setMinWidth(Region.USE_PREF_SIZE);
        loadButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();   // loading keeps the picker open
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                viewModel.load(file.toPath());
            }
        });
        dialog.setResultConverter(button -> button == start ? viewModel.chosenProperty().get() : null);
        return dialog;
    }

    /** A scenario as two lines: its title and task count, then its summary. */
    private static final class ScenarioCell extends ListCell<Scenario> {
        private final Messages messages;
        private final Language language;

        ScenarioCell(Messages messages, Language language) {
            this.messages = messages;
            this.language = language;
        }

        @Override
        protected void updateItem(Scenario item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(item.title().in(language) + "  ·  " + messages.format("picker.tasks", item.tasks().size()));
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label summary = new Label(item.summary() == null ? "" : item.summary().in(language));
            summary.setWrapText(true);
            summary.getStyleClass().add(Styles.TEXT_MUTED);
            VBox lines = new VBox(2, title, summary);
            // as wide as the list (less its scroll bar), so the summary wraps instead of widening the cell
            lines.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            lines.setMaxWidth(Region.USE_PREF_SIZE);
            setText(null);
            setGraphic(lines);
        }
    }
}
