package dev.batchyard.app.common;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

/**
 * Keeps the renderer from painting the whole window for a pulse in which nothing on screen changed.
 *
 * <p>JavaFX (21) copies a scene to its render graph whenever any node was marked dirty, and the renderer
 * then paints the render graph's dirty regions, or, when it has none, the whole window ({@code ViewPainter}:
 * "there are no dirty regions, so just paint everything"). Much marks nodes dirty without changing a
 * pixel: a {@code TabPane}'s layout replaces its content regions' transforms with equal ones, which
 * invalidates the bounds of every node up to the root; a table cell given its text again resets its
 * children; and a style invalidated during a layout pass marks the root, so that the next pulse restyles
 * (often to the same values) and syncs the root alone. Under {@code FxPulseBench}'s feed a third of the
 * rendered frames were such whole-window paints of ~500 nodes, in software under Monocle, each a
 * skipped frame (docs/fx-pulse.md, session 5).
 *
 * <p>So when the root's bounds were invalidated in a pulse (a layout or a change moved something), this
 * changes the opacity of one transparent pixel after that pulse's layout pass and again after the next
 * one: the render graph then has a dirty region of one pixel at least, and the renderer paints what
 * really changed instead of everything. A pulse that changes something gets one more one-pixel region;
 * the pulse after it at most a one-pixel frame; a window at rest is not touched. FX thread only.
 */
public final class RepaintGuard {
    private static final double SHOWN = 1.0;
    private static final double NEARLY = 0.99;
    private final Region pixel = new Region();
    private final InvalidationListener rootMoved = this::rootMoved;
    private final Runnable afterLayout = this::afterLayout;
    private final ChangeListener<Parent> rootChanged = (o, was, is) -> watch(was, is);
    /** The root's bounds were invalidated since the last layout pass. */
    private boolean moved;
    /** The pixel was marked in the last pulse: this one may be the restyle that follows it. */
    private boolean followUp;
    private int marks;

    public RepaintGuard() {
        pixel.getStyleClass().add("repaint-guard");
        pixel.setManaged(false);
        pixel.setMouseTransparent(true);
        pixel.setFocusTraversable(false);
        pixel.resize(1, 1);
        pixel.sceneProperty().addListener((o, was, is) -> follow(was, is));
    }

    /**
     * The pixel, to be put in a part of the window that is always shown and never clipped (it is
     * unmanaged: it stays at its parent's top left corner); it watches whichever scene it is in.
     */
    public Node node() {
        return pixel;
    }

    /** How many pulses it has marked its pixel in (for tests). */
    int marks() {
        return marks;
    }

    private void follow(Scene was, Scene is) {
        if (was != null) {
            was.removePostLayoutPulseListener(afterLayout);
            was.rootProperty().removeListener(rootChanged);
            watch(was.getRoot(), null);
        }
        if (is != null) {
            is.addPostLayoutPulseListener(afterLayout);
            is.rootProperty().addListener(rootChanged);
            watch(null, is.getRoot());
        }
    }

    private void watch(Parent was, Parent is) {
        if (was != null) {
            was.boundsInLocalProperty().removeListener(rootMoved);
        }
        if (is != null) {
            is.boundsInLocalProperty().addListener(rootMoved);
            is.getBoundsInLocal();   // an invalidation listener hears only a valid value going invalid
        }
    }

    private void rootMoved(Observable bounds) {
        moved = true;
    }

    private void afterLayout() {
        boolean mark = moved || followUp;
        followUp = moved;
        moved = false;
        if (!mark) {
            return;
        }
        marks++;
        pixel.setOpacity(pixel.getOpacity() == SHOWN ? NEARLY : SHOWN);
        Scene scene = pixel.getScene();
        if (scene != null && scene.getRoot() != null) {
            scene.getRoot().getBoundsInLocal();   // valid again, to hear the next invalidation
        }
    }
}
