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
import javafx.scene.layout.Region;
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
        grid.addRow(row++, label("connection.field.name"), name);
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
        grid.addRow(row++, label("connection.field.environment"), environment);

        ToggleGroup kinds = new ToggleGroup();
        RadioButton local = new RadioButton(messages.text("connection.kind.local"));
        local.setId("connectionKindLocal");
        RadioButton remote = new RadioButton(messages.text("connection.kind.remote"));
        remote.setId("connectionKindRemote");
        local.setMinWidth(Region.USE_PREF_SIZE);
        remote.setMinWidth(Region.USE_PREF_SIZE);
        local.setToggleGroup(kinds);
        remote.setToggleGroup(kinds);
        (model.kindProperty().get() == ConnectionFormViewModel.Kind.REMOTE ? remote : local).setSelected(true);
        kinds.selectedToggleProperty().addListener((o, was, is) -> model.kindProperty().set(
                is == remote ? ConnectionFormViewModel.Kind.REMOTE : ConnectionFormViewModel.Kind.LOCAL));
        grid.addRow(row++, label("connection.field.kind"), new HBox(12, local, remote));

        var isLocal = model.kindProperty().isEqualTo(ConnectionFormViewModel.Kind.LOCAL);
        row = addRow(grid, row, "connection.field.store", isLocal,
                withChooser(field("connectionStoreField", model.storeProperty()), this::chooseDirectory, model.storeProperty()));
        row = addRow(grid, row, "connection.field.config", isLocal,
                withChooser(field("connectionConfigField", model.configProperty()), this::chooseFile, model.configProperty()));
        TextField url = field("connectionUrlField", model.urlProperty());
        url.setPromptText(messages.text("connection.field.url.prompt"));
        row = addRow(grid, row, "connection.field.url", isLocal.not(), url);
        row = addRow(grid, row, "connection.field.tokenFile", isLocal.not(),
                withChooser(field("connectionTokenFileField", model.tokenFileProperty()), this::chooseFile, model.tokenFileProperty()));
        addRow(grid, row, "connection.field.caFile", isLocal.not(),
                withChooser(field("connectionCaFileField", model.caFileProperty()), this::chooseFile, model.caFileProperty()));
        // the rows of the other kind leave the dialog, and an answer may wrap: the dialog fits what it shows
        model.kindProperty().addListener((o, was, is) -> fitWindow());
        model.answerProperty().addListener((o, was, is) -> fitWindow());
        model.problemProperty().addListener((o, was, is) -> fitWindow());

        Button test = new Button(messages.text("connection.test"));
        test.setMinWidth(Region.USE_PREF_SIZE);
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
        box.setPrefWidth(720);
        return box;
    }

    /** A row shown only while {@code shown} holds (the fields of one kind of connection). */
    private int addRow(GridPane grid, int row, String key, javafx.beans.binding.BooleanExpression shown, Node value) {
        Label label = label(key);
        for (Node node : new Node[] {label, value}) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(shown);
        }
        grid.addRow(row, label, value);
        GridPane.setHgrow(value, Priority.ALWAYS);
        return row + 1;
    }

    private Label label(String key) {
        Label label = new Label(messages.text(key));
        label.setMinWidth(Region.USE_PREF_SIZE);   // a label is read whole; the fields take what is left
        return label;
    }

    private void fitWindow() {
        if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
            javafx.application.Platform.runLater(() -> {
                if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            });
        }
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
        browse.setMinWidth(Region.USE_PREF_SIZE);
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
