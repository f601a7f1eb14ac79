package dev.batchyard.app.demo;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One simulated sink's row on the instructor panel: whether it is broken and how often it fails.
 * Every change goes straight to the {@link DemoControls}. FX thread only.
 */
public final class SimulatedSinkViewModel {
    private final String name;
    private final BooleanProperty down = new SimpleBooleanProperty(this, "down");
    private final DoubleProperty failureRate = new SimpleDoubleProperty(this, "failureRate");

    SimulatedSinkViewModel(String name, DemoControls controls) {
        this.name = name;
        down.addListener((obs, was, now) -> controls.setOutage(name, now));
        failureRate.addListener((obs, was, now) -> {
            double clamped = Math.max(0, Math.min(1, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                failureRate.set(clamped);   // comes back here once, with a legal value
                return;
            }
            controls.setFailureRate(name, clamped);
        });
        controls.setOutage(name, false);
        controls.setFailureRate(name, 0);
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
