package dev.batchyard.app.audit;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The audit trail on screen: the filter bar (action, actor, batch id, how far back) and the export
 * above the records; under them how many are shown, "Load more" while the trail goes on, and why a
 * read failed. Thin: everything it shows is the view model's.
 */
public final class AuditTrailView extends BorderPane {
    /** The actions the engine writes; the filter's list (an action not listed is still shown, unfiltered). */
    static final List<String> ACTIONS = List.of("retry", "discard", "restore", "reroute", "pause-recovery",
            "resume-recovery", "run-cleanup", "expire", "dead-letter", "hold", "release", "damage");

    private final AuditTrailViewModel model;
    private final Messages messages;
    private final Label status = new Label();

    public AuditTrailView(AuditTrailViewModel model, Formats formats) {
        this.model = model;
        this.messages = formats.messages();
        setId("auditView");
        setPadding(new Insets(8));
        setTop(filterBar());
        AuditTable table = new AuditTable(model.records(), formats);
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        setCenter(table);
        setBottom(footer());
    }

    private HBox filterBar() {
        ComboBox<String> action = new ComboBox<>();
        action.setId("auditAction");
        List<String> actions = new ArrayList<>();
        actions.add(null);
        actions.addAll(ACTIONS);
        action.getItems().setAll(actions);
        action.setButtonCell(new ActionCell());
        action.setCellFactory(v -> new ActionCell());
        action.valueProperty().bindBidirectional(model.actionProperty());
        TextField actor = field("auditActor", "audit.actorPrompt");
        actor.textProperty().bindBidirectional(model.actorProperty());
        TextField id = field("auditBatchId", "audit.idPrompt");
        id.textProperty().bindBidirectional(model.batchIdProperty());
        ComboBox<AuditPeriod> period = new ComboBox<>();
        period.setId("auditPeriod");
        period.getItems().setAll(Arrays.asList(AuditPeriod.values()));
        period.setConverter(converter(p -> p == null ? "" : messages.text(p.key())));
        period.valueProperty().bindBidirectional(model.periodProperty());
        Button export = new Button(messages.text("audit.export"));
        export.setId("auditExport");
        export.setOnAction(e -> export());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label(messages.text("audit.filter.action")), action,
                new Label(messages.text("audit.filter.actor")), actor, new Label(messages.text("audit.filter.id")), id,
                new Label(messages.text("audit.filter.period")), period, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TextField field(String id, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(messages.text(promptKey));
        field.setPrefColumnCount(12);
        return field;
    }

    private HBox footer() {
        Label shown = new Label();
        shown.setId("auditShown");
        shown.textProperty().bind(Bindings.createStringBinding(() -> messages.format(
                model.moreProperty().get() ? "audit.shownMore" : "audit.shown", model.records().size()),
                model.records(), model.moreProperty()));
        Button more = new Button(messages.text("audit.loadMore"));
        more.setId("auditLoadMore");
        more.visibleProperty().bind(model.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.disableProperty().bind(model.readingProperty());
        more.setOnAction(e -> model.loadMore());
        Label problem = new Label();
        problem.setId("auditProblem");
        problem.getStyleClass().add("danger");
        problem.textProperty().bind(model.problemProperty());
        status.setId("auditStatus");
        HBox footer = new HBox(12, shown, more, problem, status);
        footer.setAlignment(Pos.CENTER_LEFT);
        return footer;
    }

    /** Asks where to and writes every matching record as JSON lines, off the UI thread. */
    public void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.text("audit.export.title"));
        chooser.setInitialFileName("audit.jsonl");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.text("audit.export.filter"),
                "*.jsonl", "*.json"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            status.setText(messages.text("audit.exporting"));
            model.export(file.toPath(), count -> status.setText(messages.format("audit.exported", count, file)),
                    why -> status.setText(messages.format("audit.exportFailed", why)));
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return words.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("the filter's choices are not typed in");
            }
        };
    }

    private final class ActionCell extends ListCell<String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? messages.text("audit.allActions") : item);
        }
    }
}
