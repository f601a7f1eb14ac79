package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RepaintGuardTest {
    private RepaintGuard inTest;
    private Label label;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        inTest = new RepaintGuard();
        label = new Label("short");
        stage.setScene(new Scene(new VBox(label, inTest.node()), 300, 100));
        stage.show();
    }

    @Test
    void marksItsPixelInAPulseThatMovedSomethingAndInTheNextOneOnly() throws Exception {
        int before = settle();
        double opacity = fx(() -> inTest.node().getOpacity());

        double[] after = new double[2];
        inPulse(() -> label.setText("a much longer text than before"), () -> {   // the label's bounds, so the root's, change
            after[0] = inTest.marks();
            after[1] = inTest.node().getOpacity();
        });
        assertEquals(before + 1, (int) after[0]);
        assertNotEquals(opacity, after[1], "the pixel's opacity is what makes it dirty");

        inPulse(() -> label.setTextFill(Color.RED));   // repainted, but nothing moved: the follow-up pulse
        assertEquals(before + 2, fx(inTest::marks));

        inPulse(() -> label.setTextFill(Color.BLUE));
        inPulse(() -> { });
        assertEquals(before + 2, fx(inTest::marks), "a pulse that moved nothing, after the follow-up, is left alone");
    }

    @Test
    void followsThePixelIntoAnotherScene() throws Exception {
        Label other = fx(() -> new Label("other"));
        fx(() -> {
            stage.setScene(new Scene(new VBox(other, inTest.node()), 300, 100));
            return null;
        });
        int before = settle();

        inPulse(() -> other.setText("the other scene's label, longer now"));

        assertEquals(before + 1, fx(inTest::marks));
    }

    /** Lets the window come to rest (the first layouts, the follow-up), then returns the marks so far. */
    private int settle() throws Exception {
        int marks = -1;
        for (int quiet = 0, tries = 0; quiet < 3 && tries < 50; tries++) {
            inPulse(() -> { });
            int now = fx(inTest::marks);
            quiet = now == marks ? quiet + 1 : 0;
            marks = now;
        }
        return marks;
    }

    private void inPulse(Runnable change) throws Exception {
        inPulse(change, () -> { });
    }

    /**
     * Runs {@code change} on the FX thread and waits for the end of the layout pass of the pulse after
     * it, where it runs {@code check} (after the guard's own listener, which was added first).
     */
    private void inPulse(Runnable change, Runnable check) throws Exception {
        CompletableFuture<Void> laidOut = new CompletableFuture<>();
        Platform.runLater(() -> {
            change.run();
            Scene scene = inTest.node().getScene();
            Runnable once = new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    check.run();
                    laidOut.complete(null);
                }
            };
            scene.addPostLayoutPulseListener(once);
            Platform.requestNextPulse();
        });
        laidOut.get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
