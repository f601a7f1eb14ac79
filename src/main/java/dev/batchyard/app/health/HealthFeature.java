package dev.batchyard.app.health;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.console.Console;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The store's health: its tab (the capacity and forecast beside the damage table), the banner
 * under the toolbar, and their view models over the console's capacity and damage reports.
 *
 * @param page   the tab's content: {@code capacityView} beside {@code view}
 * @param banner shows the health tab through {@code showHealth}, given when it is built
 */
public record HealthFeature(Node page, StoreHealthView view, DamageBannerView banner, StoreHealthViewModel model,
                            StoreCapacityView capacityView, StoreCapacityViewModel capacity) {

    /** @param showHealth brings the health tab to the front (the banner's button) */
    public static HealthFeature build(Console console, TaskExecutor executor, Formats formats, Runnable showHealth) {
        StoreHealthViewModel model = new StoreHealthViewModel(console::damage, executor, formats.messages());
        StoreHealthView view = new StoreHealthView(model, formats);
        StoreCapacityViewModel capacity = new StoreCapacityViewModel(console::capacity, executor, formats);
        StoreCapacityView capacityView = new StoreCapacityView(capacity);
        HBox page = new HBox(capacityView, new Separator(Orientation.VERTICAL), view);
        // the capacity first: it is what an operator looks at daily; the damage list is mostly empty
        HBox.setHgrow(capacityView, Priority.ALWAYS);
        view.setPrefWidth(420);
        view.setMinWidth(300);
        return new HealthFeature(page, view, new DamageBannerView(model, formats.messages(), showHealth), model,
                capacityView, capacity);
    }
}
