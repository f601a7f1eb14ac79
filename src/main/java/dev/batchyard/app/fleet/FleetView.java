package dev.batchyard.app.fleet;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.connections.Connection;
import dev.batchyard.connections.Environment;
import java.net.URL;
import java.util.Comparator;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The fleet on screen: a sortable table of the connections (environment as a coloured mark, state
 * with the reason a store does not answer, the counts, the sinks, the pending sparkline), a greyed
 * row for a store that does not answer or is not open here; Enter or a double click opens the
 * selected connection. Thin: the rows are the view model's, the orders {@link FleetOrder}'s.
 */
public final class FleetView extends BorderPane {
    static final URL STYLESHEET = FleetView.class.getResource("fleet.css");

    private final FleetViewModel model;
    private final Formats formats;
    private final Messages messages;
    private final TableView<FleetRow> table = new TableView<>();
    /** The connection selected last: kept across the rows' replacement at each poll. */
    private Connection selected;

    public FleetView(FleetViewModel model, Formats formats) {
        this.model = model;
        this.formats = formats;
        this.messages = formats.messages();
        setId("fleetView");
        getStylesheets().add(STYLESHEET.toExternalForm());
        setPadding(new Insets(8));
        setCenter(table());
        setBottom(new VBox(4, reasons(), footer()));
    }

    /** Under the table, each disconnected connection with its whole reason (its cell has room for the start only). */
    private Label reasons() {
        Label reasons = new Label();
        reasons.setId("fleetReasons");
        reasons.setWrapText(true);
        reasons.getStyleClass().add("text-muted");
        reasons.setPadding(new Insets(6, 0, 0, 0));
        reasons.textProperty().bind(Bindings.createStringBinding(() -> model.rows().stream()
                .filter(r -> r.state() == RowState.DISCONNECTED)
                .map(r -> messages.format("fleet.reason", r.name(), r.reason()))
                .collect(java.util.stream.Collectors.joining("\n")), model.rows()));
        reasons.managedProperty().bind(reasons.textProperty().isNotEmpty());
        return reasons;
    }

    private TableView<FleetRow> table() {
        table.setId("fleetTable");
        SortedList<FleetRow> sorted = new SortedList<>(model.rows());
        // the sort is stable: rows equal in the sorted columns keep the order the connections are listed in
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(messages.text("fleet.empty")));
        table.getColumns().setAll(java.util.List.of(environmentColumn(), nameColumn(), stateColumn(),
                number("fleetPending", "fleet.column.pending", FleetOrder::pending, formats::count, 102),
                number("fleetRetrying", "fleet.column.retrying", FleetOrder::retrying, formats::count, 108),
                number("fleetDead", "fleet.column.dead", FleetOrder::dead, formats::count, 80),
                column("fleetOldest", "fleet.column.oldest", FleetOrder::oldest, FleetOrder.AGE, formats::duration, 110),
                number("fleetBytes", "fleet.column.bytes", FleetOrder::bytes, formats::bytes, 90),
                column("fleetSinks", "fleet.column.sinks", FleetOrder::sinks, FleetOrder.SINKS, this::sinks, 200),
                sparklineColumn()));
        table.setRowFactory(t -> new StateRow());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (row != null) {
                selected = row.connection();
            }
        });
        sorted.addListener((ListChangeListener<FleetRow>) c -> keepSelection());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openConnection(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        return table;
    }

    /** A row replaced by its next answer loses its selection: select the same connection again. */
    private void keepSelection() {
        if (selected == null || table.getSelectionModel().getSelectedItem() != null) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).connection().equals(selected)) {
                table.getSelectionModel().select(i);
                return;
            }
        }
    }

    private TableColumn<FleetRow, Environment> environmentColumn() {
        TableColumn<FleetRow, Environment> column = column("fleetEnvironment", "fleet.column.environment",
                r -> r.connection().environment(), FleetOrder.ENVIRONMENT, e -> "", 66);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Environment item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label mark = new Label(messages.text(switch (item) {
                    case DEV -> "fleet.environment.DEV";
                    case TEST -> "fleet.environment.TEST";
                    case PROD -> "fleet.environment.PROD";
                }));
                mark.getStyleClass().setAll("fleet-environment", "fleet-environment-" + item.word());
                mark.setMinWidth(Region.USE_PREF_SIZE);
                setGraphic(mark);
            }
        });
        return column;
    }

    private TableColumn<FleetRow, String> nameColumn() {
        return column("fleetName", "fleet.column.name", FleetRow::name, FleetOrder.NAME, Function.identity(), 105);
    }

    private TableColumn<FleetRow, RowState> stateColumn() {
        TableColumn<FleetRow, RowState> column = column("fleetState", "fleet.column.state", FleetRow::state,
                FleetOrder.STATE, s -> "", 148);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(RowState item, boolean empty) {
                super.updateItem(item, empty);
                FleetRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (empty || item == null || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(stateText(row));
                setWrapText(true); // a reason takes the lines it needs: its row grows
                setTooltip(new Tooltip(item == RowState.NOT_OPEN ? messages.text("fleet.notOpen.why") : stateText(row)));
            }
        });
        return column;
    }

    String stateText(FleetRow row) {
        return switch (row.state()) {
            case CONNECTED -> messages.text("fleet.state.CONNECTED");
            case WAITING -> messages.text("fleet.state.WAITING");
            case NOT_OPEN -> messages.text("fleet.state.NOT_OPEN");
            case DISCONNECTED -> messages.format("fleet.state.DISCONNECTED", row.reason());
        };
    }

    private String sinks(SinkSummary s) {
        return messages.format("fleet.sinks", s.sinks(), s.open(), s.probing());
    }

    private TableColumn<FleetRow, Long> number(String id, String titleKey, Function<FleetRow, Long> value,
                                               Function<Long, String> text, double width) {
        TableColumn<FleetRow, Long> column = column(id, titleKey, value, FleetOrder.COUNT, text, width);
        column.getStyleClass().add("fleet-number");
        return column;
    }

    private <T> TableColumn<FleetRow, T> column(String id, String titleKey, Function<FleetRow, T> value,
                                                Comparator<T> order, Function<T, String> text, double width) {
        TableColumn<FleetRow, T> column = new TableColumn<>(messages.text(titleKey));
        column.setId(id);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.75);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return column;
    }

    private TableColumn<FleetRow, Sparkline> sparklineColumn() {
        TableColumn<FleetRow, Sparkline> column = new TableColumn<>(messages.text("fleet.column.sparkline"));
        column.setId("fleetSparkline");
        column.setPrefWidth(SparklineCell.WIDTH + 20);
        column.setMinWidth(SparklineCell.WIDTH + 20);
        column.setSortable(false);
        column.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().sparkline()));
        column.setCellFactory(c -> new SparklineCell<>(line -> messages.format("fleet.sparkline.tooltip",
                formats.count(line.samples().get(line.samples().size() - 1).pending()), formats.count(line.min()),
                formats.count(line.max()), formats.duration(line.span()))));
        return column;
    }

    private HBox footer() {
        Label summary = new Label();
        summary.setId("fleetSummary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> messages.format("fleet.summary",
                model.rows().size(), formats.duration(model.pollInterval()),
                model.lastPollProperty().get() == null ? "" : formats.time(model.lastPollProperty().get())),
                model.rows(), model.lastPollProperty()));
        Label problem = new Label();
        problem.setId("fleetProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        Label hint = new Label(messages.text("fleet.hint"));
        hint.getStyleClass().add("text-muted");
        HBox footer = new HBox(16, summary, hint, problem);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(4, 0, 0, 0));
        return footer;
    }

    /** The table, for a test's selection and sort. */
    public TableView<FleetRow> tableView() {
        return table;
    }

    /** A row greyed while its store does not answer, or is not open in this process. */
    private final class StateRow extends TableRow<FleetRow> {
        StateRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    model.openConnection(getItem());
                }
            });
        }

        @Override
        protected void updateItem(FleetRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("fleet-row-disconnected", "fleet-row-not-open");
            if (!empty && item != null && item.state() == RowState.DISCONNECTED) {
                getStyleClass().add("fleet-row-disconnected");
            } else if (!empty && item != null && item.state() == RowState.NOT_OPEN) {
                getStyleClass().add("fleet-row-not-open");
            }
        }
    }
}
