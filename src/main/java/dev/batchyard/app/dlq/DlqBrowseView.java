package dev.batchyard.app.dlq;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.legacy.dlq.DeadLetter;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The read-only view of a Go dead-letter directory: the grouping by failed sink and error type on
 * the left, the chosen group's entries on the right, and below them the files (entries and damaged
 * lines each) and the lines not taken in. Layout and bindings only.
 */
public final class DlqBrowseView extends BorderPane {
    private final DlqEntriesTable entries;
    private final DlqGroupsTree groups;

    public DlqBrowseView(DlqBrowseViewModel viewModel, Formats formats) {
        Messages messages = formats.messages();
        setId("dlqBrowseView");
        Label note = new Label(messages.text("dlqBrowse.note"));
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Label summary = new Label();
        summary.setId("dlqSummary");
        summary.textProperty().bind(viewModel.summaryProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(16, 16);
        progress.visibleProperty().bind(viewModel.loadingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label failure = new Label();
        failure.setId("dlqFailure");
        failure.getStyleClass().add(Styles.DANGER);
        failure.setWrapText(true);
        failure.textProperty().bind(viewModel.failureProperty());
        failure.visibleProperty().bind(viewModel.failureProperty().isNotEmpty());
        failure.managedProperty().bind(failure.visibleProperty());
        HBox status = new HBox(8, progress, summary);
        VBox top = new VBox(4, note, status, failure);
        top.setStyle("-fx-padding: 8;");
        setTop(top);

        groups = new DlqGroupsTree(viewModel.groups(), messages, viewModel::choose);
        entries = new DlqEntriesTable(viewModel.entries(), formats);
        SplitPane work = new SplitPane(groups, entries);
        work.setDividerPositions(0.2);

        ListView<String> damaged = new ListView<>(viewModel.damagedLines());
        damaged.setId("dlqDamagedList");
        damaged.setPlaceholder(new Label(messages.text("dlqBrowse.noDamage")));
        TabPane below = new TabPane(
                new Tab(messages.text("dlqBrowse.files"), new DlqFilesTable(viewModel.files(), formats)),
                new Tab(messages.text("dlqBrowse.damaged"), damaged));
        below.setId("dlqBelowTabs");
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane all = new SplitPane(work, below);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.68);
        setCenter(all);
    }

    public TableView<DeadLetter> entriesTable() {
        return entries;
    }

    public TreeView<DlqGroupRow> groupsTree() {
        return groups;
    }
}
