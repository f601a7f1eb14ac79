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
 * The main window's layout: menu and toolbar on top; the batches (left) beside the detail pane
 * (right); below them the tabs for the live event stream, the charts and, in demo mode, the
 * instructor panel — three marked slots filled by the {@code app/events}, {@code app/charts} and
 * {@code app/demo} views; the status bar at the bottom.
 */
public final class MainWindowView extends BorderPane {
    private final SplitPane tableAndDetail = new SplitPane();
    private final SplitPane workAndSlots = new SplitPane();
    private final SlotView eventsSlot;
    private final SlotView chartsSlot;
    private final SlotView instructorSlot;

    public MainWindowView(Messages messages, MenuBar menuBar, ToolBar toolBar, Node batches, Node detail,
                          Node statusBar, boolean demo) {
        setId("mainWindow");
        eventsSlot = new SlotView("eventsSlot", messages.text("slot.events.placeholder"));
        chartsSlot = new SlotView("chartsSlot", messages.text("slot.charts.placeholder"));
        instructorSlot = new SlotView("instructorSlot", messages.text("slot.instructor.placeholder"));

        tableAndDetail.setId("tableAndDetail");
        tableAndDetail.getItems().addAll(batches, detail);
        tableAndDetail.setDividerPositions(0.58);

        TabPane slots = new TabPane();
        slots.setId("slotTabs");
        slots.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        slots.setMinHeight(0);
        slots.getTabs().addAll(tab("eventsTab", messages.text("slot.events"), eventsSlot),
                tab("chartsTab", messages.text("slot.charts"), chartsSlot));
        if (demo) {
            slots.getTabs().add(tab("instructorTab", messages.text("slot.instructor"), instructorSlot));
        }

        workAndSlots.setId("workAndSlots");
        workAndSlots.setOrientation(Orientation.VERTICAL);
        workAndSlots.getItems().addAll(tableAndDetail, slots);
        workAndSlots.setDividerPositions(0.68);

        setTop(new VBox(menuBar, toolBar));
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

    public SplitPane tableAndDetail() {
        return tableAndDetail;
    }

    public SplitPane workAndSlots() {
        return workAndSlots;
    }
}
