package dev.batchyard.app.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The Batchyard icon as JavaFX images, rendered by {@code icons/generate.sh} into this package's
 * {@code icons/} resources. A window gets every size ({@code stage.getIcons().setAll(AppIcons.all())})
 * because the window manager, not the app, decides which one it shows where.
 */
public final class AppIcons {
    /** The sizes generate.sh copies into the app; each is a file {@code icons/batchyard-<size>.png}. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Every size, smallest first, for {@code Stage.getIcons()}. */
    public static List<Image> all() {
        return SIZES.stream().map(AppIcons::ofSize).toList();
    }

    /** One size, e.g. 64 or 128 for an About dialog's graphic. */
    public static Image ofSize(int pixels) {
        if (!SIZES.contains(pixels)) {
            throw new IllegalArgumentException("no " + pixels + " px icon; sizes are " + SIZES);
        }
        String resource = "icons/batchyard-" + pixels + ".png";
        try (InputStream in = AppIcons.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("icon resource missing: dev/batchyard/app/common/" + resource
                        + " (run icons/generate.sh)");
            }
            return new Image(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read icon dev/batchyard/app/common/" + resource, e);
        }
    }
}
