package dev.batchyard.app.health;

import atlantafx.base.theme.PrimerLight;
import dev.batchyard.app.AppContext;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a health view in a real stage with the app's theme and its own style sheet. */
final class HealthStage {
    private HealthStage() {
    }

    static void show(Stage stage, Parent root, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(AppContext.class.getResource("app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }
}
