package dev.batchyard.app.demo;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One simulated sink's row on the instructor panel: whether it is broken and how often it fails.
 * Starts from the sink's actual settings (each demo sink has its own character) and passes every
 * change straight to the {@link DemoControls}. FX thread only.
 */
public final class SimulatedSinkViewModel {
    private final String name;
    private final double initialFailureRate;
    private final BooleanProperty down = new SimpleBooleanProperty(this, "down");
    private final DoubleProperty failureRate = new SimpleDoubleProperty(this, "failureRate");

    SimulatedSinkViewModel(String name, DemoControls controls) {
        this.name = name;
        this.initialFailureRate = clamp(controls.failureRate(name));
        down.set(controls.isOutage(name));
        failureRate.set(initialFailureRate);
        down.addListener((obs, was, now) -> controls.setOutage(name, now));
        failureRate.addListener((obs, was, now) -> {
            double legal = clamp(now.doubleValue());
            if (legal != now.doubleValue()) {
                failureRate.set(legal);   // comes back here once, with a legal value
                return;
            }
            controls.setFailureRate(name, legal);
        });
    }

    private static double clamp(double rate) {
        return Math.max(0, Math.min(1, rate));
    }

    /** Ends the outage and gives the sink back the failure rate it had when the panel opened. */
    void heal() {
        down.set(false);
        failureRate.set(initialFailureRate);
    }

    public String name() {
        return name;
    }

    /** True while the sink is broken (every delivery fails). */
    public BooleanProperty downProperty() {
        return down;
    }

    /** Share of deliveries that fail while the sink is up, 0 to 1. */
    public DoubleProperty failureRateProperty() {
        return failureRate;
    }
}
