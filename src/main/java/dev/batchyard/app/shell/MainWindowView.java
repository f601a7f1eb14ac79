package dev.batchyard.app.shell;

import dev.batchyard.app.common.JoinsWhenShown;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TabContent;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: menu, toolbar and any banners on top; the batches (left) beside the
 * detail pane (right); below them the tabs for the live event stream, the charts, the store's health
 * and, in demo mode, the instructor panel — marked slots filled by the {@code app/events},
 * {@code app/charts}, {@code app/health} and {@code app/demo} views; the status bar at the bottom.
 */
public final class MainWindowView extends BorderPane {
    /** Where the batches end and the detail begins, until the user moves it. */
    public static final double TABLE_AND_DETAIL_DIVIDER = 0.58;
    /**
     * Where the work ends and the bottom tabs begin, until the user moves it: at 1280x800 it leaves
     * the tabs about 270 px (the four charts in a row, the instructor's controls without scrolling).
     */
    public static final double WORK_AND_SLOTS_DIVIDER = 0.56;
    /**
     * In the cockpit, under its head, where the charts end and the live events begin: the events
     * keep 45% of the width, about 575 px at 1280 (room for their filters, time, type, sink and what happened).
     */
    static final double COCKPIT_EVENTS_DIVIDER = 0.55;
    private final SplitPane tableAndDetail = new SplitPane();
    private final SplitPane workAndSlots = new SplitPane();
    private final SlotView eventsSlot;
    private final SlotView chartsSlot;
    private final SlotView instructorSlot;
    private final SlotView healthSlot;
    private final TabPane slots = new TabPane();
    private final Tab healthTab;
    private final Tab eventsTab;
    private final Tab chartsTab;
    private final Tab instructorTab;
    private final VBox cockpit = new VBox();
    private final SplitPane cockpitMain = new SplitPane();
    private final StackPane cockpitHead = new StackPane();
    private boolean inCockpit;
    /** The menus and toolbar, then the banners, each joining when it first shows. */
    private final JoinsWhenShown top;
    /** Where the detail goes once the first frame is out (see {@link #completeStep}). */
    private final StackPane detailPlace = new StackPane();
    private final Node detail;
    /** How many of {@link #completeStep}'s steps are done. */
    private int stepsDone;

    public MainWindowView(Messages messages, MenuBar menuBar, ToolBar toolBar, Node batches, Node detail,
                          Node statusBar, boolean demo) {
        setId("mainWindow");
        eventsSlot = new SlotView("eventsSlot", messages.text("slot.events.placeholder"));
        chartsSlot = new SlotView("chartsSlot", messages.text("slot.charts.placeholder"));
        instructorSlot = new SlotView("instructorSlot", messages.text("slot.instructor.placeholder"));
        healthSlot = new SlotView("healthSlot", messages.text("health.empty"));
        healthTab = tab("healthTab", messages.text("health.tab"));

        tableAndDetail.setId("tableAndDetail");
        this.detail = detail;
        detailPlace.setId("detailPlace");
        tableAndDetail.getItems().addAll(batches, detailPlace);
        tableAndDetail.setDividerPositions(TABLE_AND_DETAIL_DIVIDER);

        slots.setId("slotTabs");
        slots.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        slots.setMinHeight(0);
        eventsTab = tab("eventsTab", messages.text("slot.events"));
        chartsTab = tab("chartsTab", messages.text("slot.charts"));
        instructorTab = tab("instructorTab", messages.text("slot.instructor"));
        slots.getTabs().addAll(eventsTab, chartsTab, healthTab);
        if (demo) {
            slots.getTabs().add(instructorTab);
        }
        cockpit.setId("cockpit");
        cockpitMain.setId("cockpitMain");
        cockpitHead.setId("cockpitHeadSlot");
        cockpitHead.setStyle("-fx-padding: 8 8 8 8;");
        VBox.setVgrow(cockpitMain, Priority.ALWAYS);

        workAndSlots.setId("workAndSlots");
        workAndSlots.setOrientation(Orientation.VERTICAL);
        workAndSlots.getItems().addAll(tableAndDetail, slots);
        workAndSlots.setDividerPositions(WORK_AND_SLOTS_DIVIDER);

        top = new JoinsWhenShown(new VBox(menuBar, toolBar));
        setTop(top.pane());
        setCenter(workAndSlots);
        setBottom(statusBar);
    }

    /**
     * Puts in the next part of the window the first frame left out, one part a call (one a pulse, so
     * that no pulse styles and lays out the whole window): first the detail, then the bottom tab in
     * front; the other bottom tabs' views join when their tab is first selected ({@link TabContent}).
     * The first frame holds the menus, the toolbar, the batches and the status bar: the rows come first.
     *
     * @return whether everything is in
     */
    public boolean completeStep() {
        switch (stepsDone) {
            case 0 -> detailPlace.getChildren().setAll(detail);
            case 1 -> {
                if (!inCockpit) {   // in the cockpit the events and charts are its own; back in their tabs when it goes
                    TabContent.onFirstSelection(eventsTab, eventsSlot);
                    TabContent.onFirstSelection(chartsTab, chartsSlot);
                }
                TabContent.onFirstSelection(healthTab, healthSlot);
                TabContent.onFirstSelection(instructorTab, instructorSlot);
            }
            default -> {
                return true;
            }
        }
        stepsDone++;
        return stepsDone >= 2;
    }

    /** Whether {@link #completeStep} has put everything in. */
    public boolean complete() {
        return stepsDone >= 2;
    }

    /** Whether the parts the first frame left out have begun to join: the first rows are laid out by then. */
    public boolean completing() {
        return stepsDone >= 1;
    }

    private static Tab tab(String id, String text) {
        Tab tab = new Tab(text);
        tab.setId(id);
        return tab;
    }

    /**
     * The cockpit, for showing Batchyard to a room: across the top its head (in demo mode the
     * instructor's bar; the sinks as large tiles with Break / Heal), below it the charts and, on the
     * right, the live events, all at once; the batches, the detail and the instructor's
     * tab step aside (the head and the instructor's keys do what that tab does). Off again, every
     * view goes back into its tab, as it was.
     */
    public void showCockpit(boolean on) {
        if (on == inCockpit) {
            return;
        }
        inCockpit = on;
        if (on) {
            eventsTab.setContent(null);
            chartsTab.setContent(null);
            cockpitMain.getItems().setAll(chartsSlot, eventsSlot);
            cockpitMain.setDividerPositions(COCKPIT_EVENTS_DIVIDER);
            cockpit.getChildren().setAll(cockpitHead, cockpitMain);
            setCenter(cockpit);
        } else {
            cockpit.getChildren().clear();
            cockpitMain.getItems().clear();
            eventsTab.setContent(eventsSlot);
            chartsTab.setContent(chartsSlot);
            setCenter(workAndSlots);
        }
    }

    /** Puts the cockpit's head (the instructor's bar, the sink tiles) in, above the cockpit's charts. */
    public void fillCockpitHead(Node head) {
        cockpitHead.getChildren().setAll(head);
    }

    /** Whether the cockpit is shown (its sink tiles read the store only then). */
    public boolean inCockpit() {
        return inCockpit;
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

    /**
     * Puts {@code banner} under the toolbar, below the banners already there; it shows itself when it has
     * news, and joins the window then (a hidden banner is not styled with the first frame).
     */
    public void addBanner(Node banner) {
        top.add(banner);
    }

    public SplitPane tableAndDetail() {
        return tableAndDetail;
    }

    public SplitPane workAndSlots() {
        return workAndSlots;
    }
}
