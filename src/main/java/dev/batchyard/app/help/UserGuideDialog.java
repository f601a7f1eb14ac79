package dev.batchyard.app.help;

import dev.batchyard.app.common.Command;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.BatchState;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Help ▸ User guide (F1): the keyboard map, what each state of a batch means, and the durability
 * promise. The keyboard map is read from the window's commands when the guide opens, so it lists
 * exactly the shortcuts the menus bind.
 */
public final class UserGuideDialog {
    private final Messages messages;

    public UserGuideDialog(Messages messages) {
        this.messages = messages;
    }

    /** @param commands the window's commands; those with a shortcut make the keyboard map */
    public void show(Window owner, List<Command> commands) {
        GridPane keys = new GridPane();
        keys.setId("guideKeys");
        keys.setHgap(16);
        keys.setVgap(4);
        commands.stream().filter(c -> c.shortcut() != null).forEach(c -> {
            Label shortcut = new Label(c.shortcut().getDisplayText());
            shortcut.getStyleClass().add("guide-shortcut");
            keys.addRow(keys.getRowCount(), shortcut, new Label(c.text().replace("_", "")));
        });
        GridPane states = new GridPane();
        states.setHgap(16);
        states.setVgap(4);
        for (BatchState state : BatchState.values()) {
            Label meaning = paragraph("guide.state." + state.name());
            states.addRow(states.getRowCount(), new Label(messages.text("state." + state.name())), meaning);
        }
        VBox content = new VBox(10, heading("guide.keys"), keys, heading("guide.states"), states,
                heading("guide.edits"), paragraph("guide.edits.text"),
                heading("guide.durability"), paragraph("guide.durability.text"));
        content.setPrefWidth(560);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(480);

        Alert alert = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.initModality(Modality.NONE); // open beside the window while the operator tries what it says
        alert.setTitle(messages.text("guide.title"));
        alert.setHeaderText(messages.text("guide.header"));
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("userGuideDialog");
        alert.setResizable(true);
        alert.show();
    }

    private Label heading(String key) {
        Label label = new Label(messages.text(key));
        label.getStyleClass().add("title-4");
        return label;
    }

    private Label paragraph(String key) {
        Label label = new Label(messages.text(key));
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }
}
