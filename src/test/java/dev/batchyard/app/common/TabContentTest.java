package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TabContentTest {
    private TabPane tabs;
    private Tab front;
    private Tab behind;

    @Start
    void start(Stage stage) {
        tabs = new TabPane();
        front = new Tab("front");
        behind = new Tab("behind");
        tabs.getTabs().addAll(front, behind);
        stage.setScene(new Scene(tabs, 300, 200));
        stage.show();
    }

    @Test
    void theTabInFrontGetsItsViewAtOnceAndATabBehindOnlyWhenFirstSelected(FxRobot robot) {
        Label frontView = new Label("front view");
        Label behindView = new Label("behind view");
        robot.interact(() -> {
            TabContent.onFirstSelection(front, frontView);
            TabContent.onFirstSelection(behind, behindView);
        });
        assertSame(frontView, front.getContent());
        assertNull(behind.getContent(), "not in the scene, so not styled, until shown");
        assertNull(behindView.getScene());

        robot.interact(() -> tabs.getSelectionModel().select(behind));
        assertSame(behindView, behind.getContent());
        // once in, it stays: selecting away and back leaves the same view
        robot.interact(() -> {
            tabs.getSelectionModel().select(front);
            tabs.getSelectionModel().select(behind);
        });
        assertSame(behindView, behind.getContent());
    }

    @Test
    void contentPutInByOtherMeansBeforeTheFirstSelectionIsLeftAlone(FxRobot robot) {
        Label lazy = new Label("lazy");
        Label putBack = new Label("put back by the cockpit");
        robot.interact(() -> {
            TabContent.onFirstSelection(behind, lazy);
            behind.setContent(putBack);
            tabs.getSelectionModel().select(behind);
        });
        assertSame(putBack, behind.getContent());
        assertNull(lazy.getParent());
    }
}
