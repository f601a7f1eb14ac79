package dev.batchyard.app.status;

import dev.batchyard.app.actions.SinkChoice;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.RepaintGuard;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;

/**
 * The ControlsFX status bar: pending, retrying, dead, bytes on disk, oldest batch, recovery,
 * next cleanup on the left; a health dot per sink on the right.
 */
public final class StatusBarView extends StatusBar {
    private static final double MIN_SINK_WIDTH = 48;
    private final Messages messages;
    /**
     * Whether the store's server answers (always, for a local store): while it does not, the sinks'
     * health and the next cleanup are not known, and their room goes to the connection's note.
     */
    private final BooleanProperty serverAnswers = new SimpleBooleanProperty(this, "serverAnswers", true);

    /** @param readOnlyNote that the store is read-only and why, or empty */
    public StatusBarView(StatusViewModel model, ObservableValue<Instant> now, Formats formats, String readOnlyNote) {
        this.messages = formats.messages();
        setId("statusBar");
        setText(readOnlyNote);
        getLeftItems().addAll(
                label("statusPending", () -> messages.format("status.pending", formats.count(model.pendingProperty().get())),
                        model.pendingProperty()),
                label("statusRetrying", () -> messages.format("status.retrying",
                        formats.count(model.retryingProperty().get())), model.retryingProperty()),
                label("statusDead", () -> messages.format("status.dead", formats.count(model.deadProperty().get())),
                        model.deadProperty()),
                shownWhenAny(label("statusHeld", () -> messages.format("status.held",
                        formats.count(model.heldProperty().get())), model.heldProperty()), model.heldProperty(),
                        messages.text("status.held.tooltip")),
                separator(),
                label("statusDisk", () -> messages.format("status.disk", formats.bytes(model.diskBytesProperty().get())),
                        model.diskBytesProperty()),
                label("statusOldest", () -> model.oldestProperty().get() == null ? messages.text("status.oldest.none")
                        : messages.format("status.oldest", formats.duration(Duration.between(
                                model.oldestProperty().get().toInstant(), now.getValue()))),
                        model.oldestProperty(), now),
                separator(),
                label("statusRecovery", () -> messages.text(model.recoveryPausedProperty().get()
                        ? "status.recovery.paused" : "status.recovery.running"), model.recoveryPausedProperty()),
                whileServerAnswers(label("statusCleanup", () -> model.nextCleanupProperty().get() == null
                        ? messages.text("status.cleanup.none")
                        : messages.format("status.cleanup", formats.relative(model.nextCleanupProperty().get(),
                                now.getValue())), model.nextCleanupProperty(), now)));
        model.sinkHealth().addListener((ListChangeListener<SinkChoice>) c -> showSinks(model));
        showSinks(model);
        // the window's one-pixel stand-in for whole-window repaints: the bar is always shown and never clipped
        getLeftItems().add(new RepaintGuard().node());
    }

    /**
     * A remote window: the bar begins with how the connection stands ({@code connection}, a dot
     * green while {@code up}; it gives way when the bar is short, the server's URL in its tooltip).
     * A read-only note stays in the bar's text; a viewer's token is also said in a banner (the
     * window's), as the figures leave the text little room.
     */
    public void showConnection(ObservableStringValue connection, ObservableBooleanValue up, String location) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add("health-dot");
        Label label = label("statusConnection", connection::get, connection);
        label.setGraphic(dot);
        label.setTooltip(new Tooltip(location));
        Runnable colour = () -> {
            dot.getStyleClass().removeAll("health-healthy", "health-degraded");
            dot.getStyleClass().add(up.get() ? "health-healthy" : "health-degraded");
            label.getStyleClass().remove("status-warning");
            // "Connected" is kept whole; a long outage note gives way before the figures
            label.setMinWidth(up.get() ? Region.USE_PREF_SIZE : Region.USE_COMPUTED_SIZE);
            if (!up.get()) {
                label.getStyleClass().add("status-warning");
            }
        };
        up.addListener((o, was, now) -> colour.run());
        colour.run();
        serverAnswers.bind(up);
        getLeftItems().addAll(0, java.util.List.of(label, separator()));
    }

    private void showSinks(StatusViewModel model) {
        getRightItems().clear();
        for (SinkChoice sink : model.sinkHealth()) {
            Circle dot = new Circle(5);
            dot.getStyleClass().addAll("health-dot", "health-" + sink.health().name().toLowerCase(Locale.ROOT));
            Label label = new Label(sink.name(), dot);
            label.setId("sink-" + sink.name());
            label.setMinWidth(MIN_SINK_WIDTH);   // the dot and a little of the name; the tooltip has all of it
            label.setTooltip(new Tooltip(messages.format("action.reroute.choice", sink.name(),
                    messages.text("sink.health." + sink.health().name()))));
            getRightItems().add(whileServerAnswers(label));
        }
    }

    private Label whileServerAnswers(Label label) {
        label.visibleProperty().bind(serverAnswers);
        label.managedProperty().bind(serverAnswers);
        return label;
    }

    /** A count that matters only when there is some: a held batch is a configuration problem to fix. */
    private static Label shownWhenAny(Label label, ObservableIntegerValue count, String tooltip) {
        label.getStyleClass().add("status-warning");
        label.setTooltip(new Tooltip(tooltip));
        label.visibleProperty().bind(Bindings.greaterThan(count, 0));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Node separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static Label label(String id, Callable<String> text, Observable... dependencies) {
        Label label = new Label();
        label.setId(id);
        // the figures keep their whole text; when the bar is short, the sink names on the right give way
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty().bind(Bindings.createStringBinding(text, dependencies));
        return label;
    }

}
