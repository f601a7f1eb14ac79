package dev.batchyard.app.demo;

import dev.batchyard.app.common.Messages;
import java.util.Optional;

/** The instructor's panel of demo mode (traffic rate, sinks failing on purpose) and its view model. */
public record DemoFeature(DemoPanelView view, DemoPanelViewModel model) {
    private static final double MIN_RATE = 1;
    private static final double MAX_RATE = 200;

    /** @param controls the demo's traffic and simulated sinks, or {@code null} outside demo mode */
    public static Optional<DemoFeature> build(DemoControls controls, Messages messages) {
        if (controls == null) {
            return Optional.empty();
        }
        DemoPanelViewModel model = new DemoPanelViewModel(controls, MIN_RATE, MAX_RATE);
        return Optional.of(new DemoFeature(new DemoPanelView(model, messages), model));
    }
}
