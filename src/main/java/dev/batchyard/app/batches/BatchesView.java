package dev.batchyard.app.batches;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.TabContent;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The left side of the main window: the filter bar over the table and the failure-reason groups. */
public final class BatchesView extends VBox {
    private final FilterBarView filterBar;
    private final BatchTableView table;
    private final FailureGroupsView groups;
    private final TabPane tabs = new TabPane();
    private final Tab groupsTab;

    public BatchesView(BatchTableViewModel tableModel, FailureGroupsViewModel groupsModel, Formats formats,
                       Duration ttl) {
        setId("batchesView");
        filterBar = new FilterBarView(tableModel, formats);
        table = new BatchTableView(tableModel, formats, ttl);
        groups = new FailureGroupsView(groupsModel, formats);
        Tab tableTab = new Tab(formats.messages().text("tab.batches"), table);
        tableTab.setId("batchesTab");
        groupsTab = new Tab(formats.messages().text("tab.groups"));
        groupsTab.setId("groupsTab");
        tabs.setId("batchesTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tableTab, groupsTab);
        TabContent.onFirstSelection(groupsTab, groups);   // styled when first shown, not with the window
        groupsModel.activeProperty().bind(groupsTab.selectedProperty());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(filterBar, loadError(tableModel, formats), tabs);
    }

    /** Why the table could not be read, shown only while it could not (the rows are then stale). */
    private static Label loadError(BatchTableViewModel model, Formats formats) {
        Label error = new Label();
        error.setId("tableLoadError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setPadding(new Insets(2, 8, 2, 8));
        error.textProperty().bind(Bindings.createStringBinding(() -> model.loadErrorProperty().get().isEmpty() ? ""
                : formats.messages().format("table.loadFailed", model.loadErrorProperty().get()),
                model.loadErrorProperty()));
        error.managedProperty().bind(model.loadErrorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }

    public FilterBarView filterBar() {
        return filterBar;
    }

    public BatchTableView table() {
        return table;
    }

    public FailureGroupsView groups() {
        return groups;
    }

    /** Whether the group-by-reason view is the one shown (group actions apply then). */
    public boolean showsGroups() {
        return groupsTab.isSelected();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty showsGroupsProperty() {
        return groupsTab.selectedProperty();
    }

    /** Switches between the table and the groups (Ctrl+G). */
    public void toggleGroups() {
        tabs.getSelectionModel().select(groupsTab.isSelected() ? 0 : 1);
    }
}
