package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import javafx.scene.AccessibleAttribute;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The tooltip is made when the pointer first comes over its control; its text is the control's help before then. */
@ExtendWith(ApplicationExtension.class)
class HoverTooltipTest {
    private Button button;

    @Start
    void start(Stage stage) {
        button = new Button("Retry");
        button.setId("retry");
        HoverTooltip.install(button, "Retry now (Ctrl+R)");
        stage.setScene(new Scene(new StackPane(button), 300, 200));
        stage.show();
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstComesOverTheControl(FxRobot robot) {
        assertNull(button.getTooltip());
        assertEquals("Retry now (Ctrl+R)", button.queryAccessibleAttribute(AccessibleAttribute.HELP));

        robot.moveTo("#retry");

        assertEquals("Retry now (Ctrl+R)", button.getTooltip().getText());
        assertEquals("Retry now (Ctrl+R)", button.queryAccessibleAttribute(AccessibleAttribute.HELP));
    }
}
