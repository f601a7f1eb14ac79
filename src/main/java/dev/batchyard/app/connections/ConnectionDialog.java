package dev.batchyard.app.connections;

import dev.batchyard.app.common.Messages;
import dev.batchyard.connections.Environment;
import java.io.File;
import java.util.function.Consumer;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * File › New connection… and Edit connection…: name, environment, and either a local store directory
 * (with its config file) or a remote server (URL, token file, CA file); Test answers in the dialog,
 * Save keeps it in the connections file and closes, a refusal stays in the dialog. A thin view over
 * {@link ConnectionFormViewModel}.
 */
public final class ConnectionDialog {
    private final ConnectionFormViewModel model;
    private final Messages messages;
    private final Dialog<ButtonType> dialog = new Dialog<>();

    public ConnectionDialog(ConnectionFormViewModel model, Messages messages, Window owner) {
        this.model = model;
        this.messages = messages;
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(messages.text(model.editing().isPresent() ? "connection.edit.title" : "connection.new.title"));
        dialog.setHeaderText(messages.text("connection.dialog.header"));
        ButtonType save = new ButtonType(messages.text("connection.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setId("connectionDialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("saveConnection");
        saveButton.disableProperty().bind(model.savingProperty());
        // Save closes only once the file holds the connection: a refusal stays in the dialog to be fixed
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.save(() -> {
                dialog.setResult(save);
                dialog.close();
            });
        });
    }

    /** Shows the dialog without waiting (the window goes on; Save or Cancel closes it). */
    public void show() {
        dialog.show();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    private Node content() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        TextField name = field("connectionNameField", model.nameProperty());
        grid.addRow(row++, new Label(messages.text("connection.field.name")), name);
        ChoiceBox<Environment> environment = new ChoiceBox<>();
        environment.setId("connectionEnvironmentField");
        environment.getItems().setAll(Environment.values());
        environment.setConverter(new StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : ConnectionHeaderViewModel.environmentText(e, messages);
            }

            @Override
            public Environment fromString(String s) {
                return null;
            }
        });
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        grid.addRow(row++, new Label(messages.text("connection.field.environment")), environment);

        ToggleGroup kinds = new ToggleGroup();
        RadioButton local = new RadioButton(messages.text("connection.kind.local"));
        local.setId("connectionKindLocal");
        RadioButton remote = new RadioButton(messages.text("connection.kind.remote"));
        remote.setId("connectionKindRemote");
        local.setToggleGroup(kinds);
        remote.setToggleGroup(kinds);
        (model.kindProperty().get() == ConnectionFormViewModel.Kind.REMOTE ? remote : local).setSelected(true);
        kinds.selectedToggleProperty().addListener((o, was, is) -> model.kindProperty().set(
                is == remote ? ConnectionFormViewModel.Kind.REMOTE : ConnectionFormViewModel.Kind.LOCAL));
        grid.addRow(row++, new Label(messages.text("connection.field.kind")), new HBox(12, local, remote));

        GridPane localPane = new GridPane();
        localPane.setHgap(8);
        localPane.setVgap(6);
        localPane.addRow(0, new Label(messages.text("connection.field.store")),
                withChooser(field("connectionStoreField", model.storeProperty()), this::chooseDirectory, model.storeProperty()));
        localPane.addRow(1, new Label(messages.text("connection.field.config")),
                withChooser(field("connectionConfigField", model.configProperty()), this::chooseFile, model.configProperty()));
        GridPane remotePane = new GridPane();
        remotePane.setHgap(8);
        remotePane.setVgap(6);
        TextField url = field("connectionUrlField", model.urlProperty());
        url.setPromptText(messages.text("connection.field.url.prompt"));
        remotePane.addRow(0, new Label(messages.text("connection.field.url")), url);
        remotePane.addRow(1, new Label(messages.text("connection.field.tokenFile")),
                withChooser(field("connectionTokenFileField", model.tokenFileProperty()), this::chooseFile, model.tokenFileProperty()));
        remotePane.addRow(2, new Label(messages.text("connection.field.caFile")),
                withChooser(field("connectionCaFileField", model.caFileProperty()), this::chooseFile, model.caFileProperty()));
        localPane.visibleProperty().bind(model.kindProperty().isEqualTo(ConnectionFormViewModel.Kind.LOCAL));
        localPane.managedProperty().bind(localPane.visibleProperty());
        remotePane.visibleProperty().bind(localPane.visibleProperty().not());
        remotePane.managedProperty().bind(remotePane.visibleProperty());
        grid.add(localPane, 0, row, 2, 1);
        grid.add(remotePane, 0, row + 1, 2, 1);

        Button test = new Button(messages.text("connection.test"));
        test.setId("testConnection");
        test.disableProperty().bind(model.testingProperty());
        test.setOnAction(e -> model.test());
        Label answer = new Label();
        answer.setId("connectionAnswer");
        answer.setWrapText(true);
        answer.textProperty().bind(model.answerProperty());
        model.answerOkProperty().addListener((o, was, ok) -> answerStyle(answer, ok));
        model.answerProperty().addListener((o, was, is) -> answerStyle(answer, model.answerOkProperty().get()));
        Label problem = new Label();
        problem.setId("connectionProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("connection-answer-failed");
        problem.textProperty().bind(model.problemProperty());
        HBox testRow = new HBox(10, test, answer);
        HBox.setHgrow(answer, Priority.ALWAYS);
        VBox box = new VBox(10, grid, testRow, problem);
        box.setPrefWidth(620);
        return box;
    }

    private void answerStyle(Label answer, boolean ok) {
        answer.getStyleClass().removeAll("connection-answer-ok", "connection-answer-failed");
        if (!model.testingProperty().get() && !answer.getText().isEmpty()) {
            answer.getStyleClass().add(ok ? "connection-answer-ok" : "connection-answer-failed");
        }
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(36);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Node withChooser(TextField field, Consumer<StringProperty> choose, StringProperty value) {
        Button browse = new Button(messages.text("connection.browse"));
        browse.setId(field.getId() + "Browse");
        browse.setOnAction(e -> choose.accept(value));
        HBox box = new HBox(6, field, browse);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private void chooseDirectory(StringProperty into) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.text("connection.field.store"));
        File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
        if (dir != null) {
            into.set(dir.getAbsolutePath());
        }
    }

    private void chooseFile(StringProperty into) {
        FileChooser chooser = new FileChooser();
        File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (file != null) {
            into.set(file.getAbsolutePath());
        }
    }
}
