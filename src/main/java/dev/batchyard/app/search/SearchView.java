package dev.batchyard.app.search;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.search.SearchProgress;
import dev.batchyard.search.SearchSummary;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Search inside entries: the query (Enter searches), regular expressions on or off, Stop; the scan's
 * progress; the hits, grouped by batch in the store's order; from a hit, its batch opened at that
 * entry (double click or Open), and every batch with hits selected in the main table for an action.
 * Thin: what it shows is the view model's.
 */
public final class SearchView extends BorderPane {
    private final SearchViewModel model;
    private final Messages messages;
    private final Formats formats;
    private final TableView<HitRow> table;

    /**
     * @param open   shows a batch at an entry in the main window
     * @param select selects batches in the main window's table
     */
    public SearchView(SearchViewModel model, Formats formats, BiConsumer<String, Integer> open,
                      Consumer<Set<String>> select) {
        this.model = model;
        this.formats = formats;
        this.messages = formats.messages();
        setId("searchView");
        setPadding(new Insets(8));
        table = hitsTable();
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected(open);
            }
        });
        VBox top = new VBox(6, queryBar(), progressLine());
        setTop(top);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        setCenter(table);
        setBottom(footer(open, select));
    }

    private HBox queryBar() {
        TextField query = new TextField();
        query.setId("searchQuery");
        query.setPromptText(messages.text("search.prompt"));
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.start());
        HBox.setHgrow(query, Priority.ALWAYS);
        CheckBox regex = new CheckBox(messages.text("search.regex"));
        regex.setId("searchRegex");
        regex.selectedProperty().bindBidirectional(model.regexProperty());
        Button start = new Button(messages.text("search.start"));
        start.setId("searchStart");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> model.start());
        Button stop = new Button(messages.text("search.stop"));
        stop.setId("searchStop");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.cancel());
        HBox bar = new HBox(8, query, regex, start, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox progressLine() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("searchProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progressProperty().get().fraction(),
                model.progressProperty()));
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("searchStatus");
        status.textProperty().bind(Bindings.createStringBinding(this::status, model.progressProperty(),
                model.summaryProperty(), model.runningProperty(), model.batchesWithHitsProperty()));
        Label problem = new Label();
        problem.setId("searchProblem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        HBox line = new HBox(10, bar, status, problem);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private String status() {
        SearchProgress p = model.progressProperty().get();
        SearchSummary done = model.summaryProperty().get();
        String counts = messages.format("search.counts", model.hits().size(), formats.count(model.hits().size()),
                model.batchesWithHitsProperty().get(), formats.count(model.batchesWithHitsProperty().get()),
                formats.count(p.batchesScanned()), formats.count(p.batchesTotal()), formats.count(p.entriesScanned()));
        if (model.runningProperty().get()) {
            return counts;
        }
        if (done == null) {
            return p.batchesTotal() == 0 && model.hits().isEmpty() ? messages.text("search.hint") : counts;
        }
        String ending = switch (done.ending()) {
            case COMPLETE -> messages.format("search.done", formats.millis(done.took()));
            case LIMIT_REACHED -> messages.format("search.limit", formats.count(SearchViewModel.MAX_HITS));
            case CANCELLED -> messages.text("search.stopped");
        };
        String unreadable = done.unreadableCount() == 0 ? ""
                : " " + messages.format("search.unreadable", done.unreadableCount(), formats.count(done.unreadableCount()));
        return counts + " " + ending + unreadable;
    }

    private TableView<HitRow> hitsTable() {
        TableView<HitRow> hits = new TableView<>(model.hits());
        hits.setId("searchHits");
        hits.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        hits.setPlaceholder(new Label(messages.text("search.empty")));
        hits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        hits.getColumns().setAll(List.of(
                TextColumns.of("searchBatchColumn", messages.text("column.id"), HitRow::batchId, 220, 120),
                TextColumns.of("searchSinkColumn", messages.text("column.sink"), HitRow::sink, 120, 80),
                TextColumns.of("searchIndexColumn", messages.text("search.column.index"),
                        r -> "#" + r.entryIndex(), 78, 70),
                TextColumns.of("searchTimeColumn", messages.text("search.column.time"),
                        r -> r.timestamp() == null ? "" : formats.dateTime(r.timestamp()), 215, 120),
                TextColumns.of("searchLevelColumn", messages.text("search.column.level"), HitRow::level, 70, 50),
                TextColumns.of("searchMessageColumn", messages.text("search.column.message"), HitRow::message, 500,
                        200)));
        return hits;
    }

    private HBox footer(BiConsumer<String, Integer> open, Consumer<Set<String>> select) {
        Button openHit = new Button(messages.text("search.open"));
        openHit.setId("searchOpen");
        openHit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openHit.setOnAction(e -> openSelected(open));
        Button selectAll = new Button(messages.text("search.selectAll"));
        selectAll.setId("searchSelectAll");
        selectAll.disableProperty().bind(model.batchesWithHitsProperty().isEqualTo(0));
        selectAll.setOnAction(e -> select.accept(model.batchesWithHits()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, new Label(messages.text("search.syntax")), spacer, openHit, selectAll);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    private void openSelected(BiConsumer<String, Integer> open) {
        HitRow hit = table.getSelectionModel().getSelectedItem();
        if (hit != null) {
            open.accept(hit.batchId(), hit.entryIndex());
        }
    }
}
