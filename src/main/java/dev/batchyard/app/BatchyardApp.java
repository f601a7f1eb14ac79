package dev.batchyard.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window until the app issue builds the real one. */
public final class BatchyardApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Batchyard");
        stage.setScene(new Scene(new Label("Batchyard"), 640, 400));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
