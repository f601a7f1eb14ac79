package dev.batchyard.app.cockpit;

import dev.batchyard.app.demo.SimulatedSinkViewModel;
import dev.batchyard.engine.events.SinkHealth;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One sink as the cockpit shows it to a room: its breaker, how many batches wait for it, and its
 * deliveries and failures per second; in demo mode also the instructor's switch that breaks and
 * heals it, and whether the instructor's keys act on it. FX thread only.
 */
public final class SinkTileViewModel {
    private final String name;
    private final SimulatedSinkViewModel simulated;
    private final ObjectProperty<SinkHealth> health = new SimpleObjectProperty<>(this, "health", SinkHealth.CLOSED);
    private final IntegerProperty waiting = new SimpleIntegerProperty(this, "waiting");
    private final DoubleProperty deliveredPerSecond = new SimpleDoubleProperty(this, "deliveredPerSecond");
    private final DoubleProperty failedPerSecond = new SimpleDoubleProperty(this, "failedPerSecond");
    private final BooleanProperty picked = new SimpleBooleanProperty(this, "picked");

    SinkTileViewModel(String name, SimulatedSinkViewModel simulated) {
        this.name = name;
        this.simulated = simulated;
    }

    public String name() {
        return name;
    }

    /** The demo's controls of this sink (break, heal, failure rate), when it is one of the demo's simulated sinks. */
    public Optional<SimulatedSinkViewModel> simulated() {
        return Optional.ofNullable(simulated);
    }

    /** Its circuit breaker as the sink layer last said. */
    public ReadOnlyObjectProperty<SinkHealth> healthProperty() {
        return health;
    }

    /** Batches in the store for this sink, whatever their state. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyDoubleProperty deliveredPerSecondProperty() {
        return deliveredPerSecond;
    }

    public ReadOnlyDoubleProperty failedPerSecondProperty() {
        return failedPerSecond;
    }

    /** Whether the instructor's keys act on this sink. */
    public ReadOnlyBooleanProperty pickedProperty() {
        return picked;
    }

    void setHealth(SinkHealth value) {
        health.set(value);
    }

    void setWaiting(int value) {
        waiting.set(value);
    }

    void setRates(double delivered, double failed) {
        deliveredPerSecond.set(delivered);
        failedPerSecond.set(failed);
    }

    void setPicked(boolean value) {
        picked.set(value);
    }
}
