package dev.batchyard.app.shell;

import dev.batchyard.app.common.Messages;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/** What the window shows while the engine opens (replaying a large store takes a moment). */
public final class StartupView extends VBox {

    public StartupView(Messages messages, Path store) {
        super(16);
        setId("startupView");
        setAlignment(Pos.CENTER);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        getChildren().addAll(spinner, new Label(messages.format("startup.opening", store.toString())));
    }
}
