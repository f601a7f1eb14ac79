package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyIconDecodesAtItsNominalSize() {
        List<Image> inTest = AppIcons.all();

        assertEquals(AppIcons.SIZES.size(), inTest.size());
        assertAll(AppIcons.SIZES.stream().map(size -> () -> {
            Image icon = inTest.get(AppIcons.SIZES.indexOf(size));
            double expected = size;
            assertFalse(icon.isError(), size + " px icon failed to decode: " + icon.getException());
            assertEquals(expected, icon.getWidth(), size + " px icon width");
            assertEquals(expected, icon.getHeight(), size + " px icon height");
        }));
    }

    @Test
    void iconsHaveTransparentCornersSoTheRoundedTileShows() {
        Image inTest = AppIcons.ofSize(256);

        int topLeftAlpha = inTest.getPixelReader().getArgb(0, 0) >>> 24;
        int centreAlpha = inTest.getPixelReader().getArgb(128, 128) >>> 24;

        assertEquals(0, topLeftAlpha, "corner alpha");
        assertEquals(255, centreAlpha, "centre alpha");
    }

    @Test
    void aSizeThatWasNotRenderedIsRefusedByName() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> AppIcons.ofSize(20));

        assertEquals("no 20 px icon; sizes are " + AppIcons.SIZES, refusal.getMessage());
    }
}
