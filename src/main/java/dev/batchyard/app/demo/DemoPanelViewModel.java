package dev.batchyard.app.demo;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * State of the demo instructor panel. Starts from what the demo is actually doing (read from the
 * {@link DemoControls}), then passes every change of a property on to them. The rate stays within
 * {@code [minRate, maxRate]}: the generator refuses a rate of zero (stopping is what the traffic
 * switch is for). FX thread only.
 */
public final class DemoPanelViewModel {
    /** How many batches one burst persists. */
    public static final int BURST = 200;
    private final double minRate;
    private final double maxRate;
    private final BooleanProperty trafficRunning = new SimpleBooleanProperty(this, "trafficRunning");
    private final DoubleProperty trafficRate = new SimpleDoubleProperty(this, "trafficRate");
    private final List<SimulatedSinkViewModel> sinks;
    private final DemoControls controls;
    /** The sink the instructor's keys act on (an index into {@link #sinks()}). */
    private final IntegerProperty picked = new SimpleIntegerProperty(this, "picked");

    public DemoPanelViewModel(DemoControls controls, double minRate, double maxRate) {
        if (!(minRate > 0 && minRate < maxRate)) {
            throw new IllegalArgumentException("need 0 < minRate (" + minRate + ") < maxRate (" + maxRate + ")");
        }
        this.minRate = minRate;
        this.maxRate = maxRate;
        this.controls = controls;
        trafficRunning.set(controls.trafficRunning());
        trafficRate.set(clamp(controls.trafficRate()));
        trafficRate.addListener((obs, was, now) -> {
            double legal = clamp(now.doubleValue());
            if (legal != now.doubleValue()) {
                trafficRate.set(legal);     // comes back here once, with a legal value
                return;
            }
            controls.setTrafficRate(legal);
        });
        trafficRunning.addListener((obs, was, now) -> {
            if (now) {
                controls.startTraffic();
            } else {
                controls.stopTraffic();
            }
        });
        this.sinks = controls.sinks().stream().map(name -> new SimulatedSinkViewModel(name, controls)).toList();
    }

    private double clamp(double rate) {
        return Math.max(minRate, Math.min(maxRate, rate));
    }

    /** Ends every outage and gives each sink back the failure rate it had when the panel opened. */
    public void healAll() {
        sinks.forEach(SimulatedSinkViewModel::heal);
    }

    /** The next sink in the list becomes the picked one (after the last, the first again). */
    public void pickNext() {
        pickBy(1);
    }

    public void pickPrevious() {
        pickBy(-1);
    }

    private void pickBy(int step) {
        if (!sinks.isEmpty()) {
            picked.set(Math.floorMod(picked.get() + step, sinks.size()));
        }
    }

    /** Index of the picked sink in {@link #sinks()}. */
    public ReadOnlyIntegerProperty pickedProperty() {
        return picked;
    }

    /** The sink the keys act on, if there is any sink. */
    public Optional<SimulatedSinkViewModel> pickedSink() {
        return sinks.isEmpty() ? Optional.empty() : Optional.of(sinks.get(picked.get()));
    }

    /** Breaks the picked sink, or heals it when it is broken. */
    public void breakOrHealPicked() {
        pickedSink().ifPresent(s -> s.downProperty().set(!s.downProperty().get()));
    }

    /** Moves the picked sink's failure rate by {@code step} (0.1 is ten points), within 0 to 1. */
    public void changePickedFailureRate(double step) {
        pickedSink().ifPresent(s -> s.failureRateProperty().set(
                Math.max(0, Math.min(1, Math.round((s.failureRateProperty().get() + step) * 100) / 100.0))));
    }

    public void toggleTraffic() {
        trafficRunning.set(!trafficRunning.get());
    }

    /** {@value #BURST} batches at once, on top of the traffic: a spike for the charts and the sinks to absorb. */
    public void burst() {
        controls.burst(BURST);
    }

    public BooleanProperty trafficRunningProperty() {
        return trafficRunning;
    }

    /** Batches per second, {@link #minRate()} to {@link #maxRate()}. */
    public DoubleProperty trafficRateProperty() {
        return trafficRate;
    }

    public double minRate() {
        return minRate;
    }

    public double maxRate() {
        return maxRate;
    }

    public List<SimulatedSinkViewModel> sinks() {
        return sinks;
    }
}
