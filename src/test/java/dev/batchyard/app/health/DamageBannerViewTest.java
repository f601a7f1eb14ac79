package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DamageBannerViewTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private final StoreHealthViewModel viewModel = new StoreHealthViewModel(List::of,
            new CurrentThreadTaskExecutor(), ENGLISH);
    private final AtomicInteger shown = new AtomicInteger();
    private DamageBannerView inTest;

    @Start
    void start(Stage stage) {
        inTest = new DamageBannerView(viewModel, ENGLISH, shown::incrementAndGet);
        BorderPane root = new BorderPane();
        root.setTop(inTest);
        HealthStage.show(stage, root, 900, 120);
    }

    @Test
    void theBannerAppearsWithTheDamageAndShowOpensTheHealthView(FxRobot robot) {
        assertFalse(inTest.isVisible());

        robot.interact(() -> viewModel.onEvents(List.of(Damage.tornTail(0), Damage.setAside(1, "b-1"))));

        assertTrue(inTest.isVisible());
        assertEquals("The store found damage: 2 reports (a batch set aside, a torn write cut off).",
                robot.lookup("#damageBannerText").queryAs(Label.class).getText());
        assertTrue(inTest.getStyleClass().contains("banner-warning"));
        robot.clickOn("#showDamage");
        assertEquals(1, shown.get());
    }

    @Test
    void closedItComesBackRedWhenABatchIsLost(FxRobot robot) {
        robot.interact(() -> viewModel.onEvents(List.of(Damage.tornTail(0))));

        robot.clickOn("#dismissDamage");
        assertFalse(inTest.isVisible());
        robot.interact(() -> viewModel.onEvents(List.of(Damage.lost(3, "b-9"))));

        assertTrue(inTest.isVisible());
        assertTrue(inTest.getStyleClass().contains("banner-danger"));
        assertFalse(inTest.getStyleClass().contains("banner-warning"));
    }
}
