package dev.batchyard.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.store.StoreChangedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class StoreChangedBannerViewTest {
    private final AtomicInteger reopened = new AtomicInteger();
    private final StoreChangedViewModel viewModel = new StoreChangedViewModel(reopened::incrementAndGet);
    private StoreChangedBannerView inTest;

    @Start
    void start(Stage stage) {
        inTest = new StoreChangedBannerView(viewModel, new Messages(Locale.forLanguageTag("pt-BR")));
        BorderPane root = new BorderPane();
        root.setTop(inTest);
        HealthStage.show(stage, root, 900, 120);
    }

    @Test
    void aViewFoundOutOfDateSaysSoAndReloadReopensIt(FxRobot robot) {
        assertFalse(inTest.isVisible());

        robot.interact(() -> viewModel.noticed(new StoreChangedException("changed", Path.of("/s"))));

        assertTrue(inTest.isVisible());
        assertTrue(robot.lookup("#storeChangedText").queryLabeled().getText()
                .startsWith("Esta visão só para leitura está desatualizada"));
        assertEquals("Recarregar", robot.lookup("#reloadView").queryAs(Button.class).getText());
        robot.clickOn("#reloadView");
        assertEquals(1, reopened.get());
    }
}
