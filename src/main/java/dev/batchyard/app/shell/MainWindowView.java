package dev.batchyard.app.shell;

import dev.batchyard.app.common.Messages;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: menu, toolbar and any banners on top; the batches (left) beside the
 * detail pane (right); below them the tabs for the live event stream, the charts, the store's health
 * and, in demo mode, the instructor panel — marked slots filled by the {@code app/events},
 * {@code app/charts}, {@code app/health} and {@code app/demo} views; the status bar at the bottom.
 */
public final class MainWindowView extends BorderPane {
    private final SplitPane tableAndDetail = new SplitPane();
    private final SplitPane workAndSlots = new SplitPane();
    private final SlotView eventsSlot;
    private final SlotView chartsSlot;
    private final SlotView instructorSlot;
    private final SlotView healthSlot;
    private final TabPane slots = new TabPane();
    private final Tab healthTab;
    private final VBox top;

    public MainWindowView(Messages messages, MenuBar menuBar, ToolBar toolBar, Node batches, Node detail,
                          Node statusBar, boolean demo) {
        setId("mainWindow");
        eventsSlot = new SlotView("eventsSlot", messages.text("slot.events.placeholder"));
        chartsSlot = new SlotView("chartsSlot", messages.text("slot.charts.placeholder"));
        instructorSlot = new SlotView("instructorSlot", messages.text("slot.instructor.placeholder"));
        healthSlot = new SlotView("healthSlot", messages.text("health.empty"));
        healthTab = tab("healthTab", messages.text("health.tab"), healthSlot);

        tableAndDetail.setId("tableAndDetail");
        tableAndDetail.getItems().addAll(batches, detail);
        tableAndDetail.setDividerPositions(0.58);

        slots.setId("slotTabs");
        slots.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        slots.setMinHeight(0);
        slots.getTabs().addAll(tab("eventsTab", messages.text("slot.events"), eventsSlot),
                tab("chartsTab", messages.text("slot.charts"), chartsSlot), healthTab);
        if (demo) {
            slots.getTabs().add(tab("instructorTab", messages.text("slot.instructor"), instructorSlot));
        }

        workAndSlots.setId("workAndSlots");
        workAndSlots.setOrientation(Orientation.VERTICAL);
        workAndSlots.getItems().addAll(tableAndDetail, slots);
        workAndSlots.setDividerPositions(0.68);

        top = new VBox(menuBar, toolBar);
        setTop(top);
        setCenter(workAndSlots);
        setBottom(statusBar);
    }

    private static Tab tab(String id, String text, Node content) {
        Tab tab = new Tab(text, content);
        tab.setId(id);
        return tab;
    }

    /** Slot for {@code dev.batchyard.app.events.EventsView}. */
    public SlotView eventsSlot() {
        return eventsSlot;
    }

    /** Slot for {@code dev.batchyard.app.charts.ChartsView}. */
    public SlotView chartsSlot() {
        return chartsSlot;
    }

    /** Slot for {@code dev.batchyard.app.demo.InstructorPanel}; its tab exists only with {@code --demo}. */
    public SlotView instructorSlot() {
        return instructorSlot;
    }

    /** Slot for {@code dev.batchyard.app.health.StoreHealthView}. */
    public SlotView healthSlot() {
        return healthSlot;
    }

    /** The store-health tab, whose title says how many damage reports there are. */
    public Tab healthTab() {
        return healthTab;
    }

    /** Brings the store-health view to the front. */
    public void showHealth() {
        slots.getSelectionModel().select(healthTab);
    }

    /** Puts {@code banner} under the toolbar, below the banners already there; it shows itself when it has news. */
    public void addBanner(Node banner) {
        top.getChildren().add(banner);
    }

    public SplitPane tableAndDetail() {
        return tableAndDetail;
    }

    public SplitPane workAndSlots() {
        return workAndSlots;
    }
}
