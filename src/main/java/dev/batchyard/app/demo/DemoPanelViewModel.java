package dev.batchyard.app.demo;

import java.util.List;
import javafx.beans.property.BooleanProperty;
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
    private final double minRate;
    private final double maxRate;
    private final BooleanProperty trafficRunning = new SimpleBooleanProperty(this, "trafficRunning");
    private final DoubleProperty trafficRate = new SimpleDoubleProperty(this, "trafficRate");
    private final List<SimulatedSinkViewModel> sinks;

    public DemoPanelViewModel(DemoControls controls, double minRate, double maxRate) {
        if (!(minRate > 0 && minRate < maxRate)) {
            throw new IllegalArgumentException("need 0 < minRate (" + minRate + ") < maxRate (" + maxRate + ")");
        }
        this.minRate = minRate;
        this.maxRate = maxRate;
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
