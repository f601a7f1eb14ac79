package dev.batchyard.app.demo;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * State of the demo instructor panel. The panel is the source of truth for the demo: on creation
 * it sets the generator's rate and heals every sink, so what the panel shows is what runs; then
 * every change of a property is passed on to the {@link DemoControls}. FX thread only.
 */
public final class DemoPanelViewModel {
    private final double maxRate;
    private final BooleanProperty trafficRunning = new SimpleBooleanProperty(this, "trafficRunning");
    private final DoubleProperty trafficRate = new SimpleDoubleProperty(this, "trafficRate");
    private final List<SimulatedSinkViewModel> sinks;

    public DemoPanelViewModel(DemoControls controls, double initialRate, double maxRate) {
        if (maxRate <= 0 || initialRate < 0 || initialRate > maxRate) {
            throw new IllegalArgumentException("need 0 <= initialRate (" + initialRate + ") <= maxRate ("
                    + maxRate + "), maxRate > 0");
        }
        this.maxRate = maxRate;
        trafficRate.set(initialRate);
        controls.setTrafficRate(initialRate);
        trafficRate.addListener((obs, was, now) -> {
            double clamped = Math.max(0, Math.min(maxRate, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                trafficRate.set(clamped);
                return;
            }
            controls.setTrafficRate(clamped);
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

    /** Brings every sink back: no outage, no random failures. */
    public void healAll() {
        for (SimulatedSinkViewModel sink : sinks) {
            sink.downProperty().set(false);
            sink.failureRateProperty().set(0);
        }
    }

    public BooleanProperty trafficRunningProperty() {
        return trafficRunning;
    }

    /** Batches per second, 0 to {@link #maxRate()}. */
    public DoubleProperty trafficRateProperty() {
        return trafficRate;
    }

    public double maxRate() {
        return maxRate;
    }

    public List<SimulatedSinkViewModel> sinks() {
        return sinks;
    }
}
