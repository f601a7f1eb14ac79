package dev.batchyard.app.events;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Shows a panel in a real stage the way the app will: AtlantaFX theme and the app's ControlsFX fix. */
public final class PanelStage {
    // Modena's -fx-body-color, which ControlsFX's CSS looks up, does not exist under AtlantaFX
    private static final String APP_CSS = ".root { -fx-body-color: -color-bg-subtle; }"
            + ".notification-bar > .pane { -fx-outer-border: -color-border-default; -fx-inner-border: -color-bg-default;"
            + " -fx-body-color: -color-bg-default; }"
            + ".notification-bar > .pane .title, .notification-bar > .pane .label { -fx-text-fill: -color-fg-default; }";

    private PanelStage() {
    }

    /** Switches every window to the dark variant of the theme; FX thread. */
    public static void dark() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    public static void show(Stage stage, Parent root, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add("data:text/css;base64,"
                + Base64.getEncoder().encodeToString(APP_CSS.getBytes(StandardCharsets.UTF_8)));
        stage.setScene(scene);
        stage.show();
    }
}
