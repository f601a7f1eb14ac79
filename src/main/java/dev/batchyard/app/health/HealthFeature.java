package dev.batchyard.app.health;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;

/**
 * The store's health: the damage table for its tab, the banner under the toolbar, and their view
 * model over the console's damage reports.
 *
 * @param banner shows the health tab through {@code showHealth}, given when it is built
 */
public record HealthFeature(StoreHealthView view, DamageBannerView banner, StoreHealthViewModel model) {

    /** @param showHealth brings the health tab to the front (the banner's button) */
    public static HealthFeature build(Console console, TaskExecutor executor, Formats formats, Runnable showHealth) {
        StoreHealthViewModel model = new StoreHealthViewModel(console::damage, executor, formats.messages());
        return new HealthFeature(new StoreHealthView(model, formats),
                new DamageBannerView(model, formats.messages(), showHealth), model);
    }
}
