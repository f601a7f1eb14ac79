package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.shell.MainWindowView;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToolBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The parts the main window's first frame leaves out join after the frame that laid the first rows out. */
@ExtendWith(ApplicationExtension.class)
class CompletionTest {
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty(true);
    private Label detail;
    private MainWindowView window;
    private AppContext.Completion completion;

    private void build(FxRobot robot) {
        robot.interact(() -> {
            detail = new Label("detail");
            window = new MainWindowView(new Messages(Locale.ENGLISH), new MenuBar(), new ToolBar(), new Label("rows"),
                    detail, new Label("status"), false);
            completion = new AppContext.Completion(window, loading);
        });
    }

    private void pulse(FxRobot robot) {
        robot.interact(() -> completion.run());
    }

    @Test
    void theDetailWaitsForThePulseAfterTheOneThatLaidTheFirstRowsOut(FxRobot robot) {
        build(robot);
        pulse(robot);                    // the first frame
        pulse(robot);                    // the page is still being read
        assertNull(detail.getParent());
        loading.set(false);              // the page comes in between pulses...
        pulse(robot);                    // ...and this pulse lays its rows out: nothing else may be styled in it
        assertNull(detail.getParent(), "the detail joined the pulse that lays the first rows out");
        pulse(robot);
        assertSame(window.tableAndDetail().getItems().get(1), detail.getParent(), "the detail, in its place");
        assertFalse(window.complete());
        pulse(robot);                    // the bottom tab's view
        assertTrue(window.complete());
    }

    @Test
    void aSlowStoreDoesNotKeepThePartsOutPastTheWait(FxRobot robot) {
        build(robot);
        for (int i = 0; i < AppContext.Completion.FIRST_PAGE_WAIT; i++) {
            pulse(robot);
        }
        assertNull(detail.getParent());
        pulse(robot);
        assertSame(window.tableAndDetail().getItems().get(1), detail.getParent());
    }

    @Test
    void aPageInBeforeTheFirstFrameIsLaidOutByThatFrame(FxRobot robot) {
        loading.set(false);
        build(robot);
        pulse(robot);                    // the first frame lays the rows out
        assertNull(detail.getParent());
        pulse(robot);
        assertSame(window.tableAndDetail().getItems().get(1), detail.getParent());
    }
}
