package dev.batchyard.app.detail;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.LogEntry;
import java.io.File;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.geometry.Orientation;

/**
 * The right side of the main window: the selected batch's metadata and retry history, its
 * entries and its JSON, with copy and export.
 */
public final class BatchDetailView extends VBox {
    private final BatchDetailViewModel model;
    private final Messages messages;
    private final Formats formats;
    private final Label status = new Label();
    private final HBox header = new HBox(8);
    private final EntriesView entries;
    private final AttemptsTable attempts;

    public BatchDetailView(BatchDetailViewModel model, ObservableValue<Instant> now, Formats formats) {
        this(model, now, formats, null);
    }

    /** @param editor the Edit entry… dialog; null where the pane only shows */
    public BatchDetailView(BatchDetailViewModel model, ObservableValue<Instant> now, Formats formats,
                           EntryEditorDialog editor) {
        this.model = model;
        this.messages = formats.messages();
        this.formats = formats;
        setId("detailView");
        getStyleClass().add("detail");

        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(this::title, model.metaProperty(),
                model.departureProperty()));
        status.setId("detailStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        bindStatus();
        model.stateProperty().addListener((o, was, is) -> bindStatus());
        model.noticeProperty().addListener((o, was, is) -> bindStatus());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header.getChildren().addAll(title, spacer);
        header.setAlignment(Pos.CENTER_LEFT);

        ScrollPane metadata = new ScrollPane(new MetadataView(model.metaProperty(), now, formats));
        metadata.setFitToWidth(true);
        attempts = new AttemptsTable(model.attempts(), formats);
        entries = new EntriesView(model, formats, this::showStatus, editor);
        SplitPane overview = new SplitPane(metadata, attempts);
        overview.setOrientation(Orientation.VERTICAL);
        overview.setDividerPositions(0.6);
        TabPane tabs = new TabPane(tab("overviewTab", "detail.tab.overview", overview),
                tab("entriesTab", "detail.tab.entries", entries),
                tab("jsonTab", "detail.tab.json", new JsonView(model, messages)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        model.focusedEntryProperty().addListener((o, was, is) -> {
            if (is.intValue() >= 0) {
                tabs.getSelectionModel().select(1);
                entries.select(model.entryAt(is.intValue()));
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(header, status, tabs);
    }

    /** The entries table, for its columns to be remembered. */
    public TableView<LogEntry> entriesTable() {
        return entries.table();
    }

    /** The retry history, for its columns to be remembered. */
    public TableView<Attempt> attemptsTable() {
        return attempts;
    }

    /** Adds the copy/export buttons, built from the window's commands so they show its shortcuts. */
    public void addHeaderButtons(Button... buttons) {
        for (Button button : buttons) {
            button.getStyleClass().add(Styles.FLAT);
        }
        header.getChildren().addAll(buttons);
    }

    private String title() {
        if (model.metaProperty().get() != null) {
            return messages.format("detail.title", model.metaProperty().get().id());
        }
        Departure left = model.departureProperty().get();
        return left == null ? messages.text("detail.title.none") : messages.format("detail.title", left.id());
    }

    private void bindStatus() {
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Departure left = model.departureProperty().get();
            if (left == null && model.stateProperty().get() == DetailState.LOADED && !model.noticeProperty().get().isEmpty()) {
                return model.noticeProperty().get();
            }
            return left != null ? departure(left) : messages.format(
                    "detail.state." + model.stateProperty().get().name(), model.failureProperty().get());
        }, model.stateProperty(), model.failureProperty(), model.departureProperty(), model.noticeProperty()));
    }

    /** "Delivered at 14:03:07 to loki; no longer in the store." */
    private String departure(Departure left) {
        String at = formats.time(left.at());
        return switch (left.kind()) {
            case DELIVERED -> messages.format("detail.gone.delivered", at, left.sink());
            case DISCARDED -> messages.format("detail.gone.discarded", at, left.by());
            case EXPIRED -> messages.format("detail.gone.expired", at, left.sink());
        };
    }

    /** Copies the shown batch's JSON to the clipboard (Ctrl+Shift+C). */
    public void copyJson() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.rawJsonProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
        status.textProperty().unbind();
        status.setText(messages.text("detail.copied"));
    }

    /** Asks where to and writes {@code batch_<id>.json} (Ctrl+E). */
    public void exportJson() {
        if (model.rawJsonProperty().get().isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.text("detail.export.title"));
        chooser.setInitialFileName(model.exportFileName());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.text("detail.export.filter"), "*.json"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            model.export(file.toPath(),
                    path -> showStatus(messages.format("detail.exported", path.toString())),
                    failure -> showStatus(messages.format("detail.exportFailed",
                            messages.engineTexts().failure(failure).oneLine())));
        }
    }

    private void showStatus(String text) {
        status.textProperty().unbind();
        status.setText(text);
    }

    private Tab tab(String id, String key, javafx.scene.Node content) {
        Tab tab = new Tab(messages.text(key), content);
        tab.setId(id);
        return tab;
    }
}
