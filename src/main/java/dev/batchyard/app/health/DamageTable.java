package dev.batchyard.app.health;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The damage reports, one a row, oldest first: when, what, where, which batches, the store's words;
 * a row's tooltip holds the whole report.
 */
final class DamageTable extends TableView<CorruptionFound> {

    DamageTable(ObservableList<CorruptionFound> reports, Formats formats, DamageWords words) {
        super(reports);
        Messages messages = formats.messages();
        setId("damageTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label(messages.text("health.empty")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                TextColumns.of("damageTimeColumn", messages.text("health.column.time"),
                        d -> formats.shortDateTime(d.at()), 185, 180),
                TextColumns.of("damageKindColumn", messages.text("health.column.kind"), d -> words.kind(d.kind()),
                        215, 205),
                // a segment's name is 24 characters; cut short it names no file at all
                TextColumns.of("damageFileColumn", messages.text("health.column.file"), d -> words.fileName(d.file()),
                        235, 230),
                TextColumns.of("damageOffsetColumn", messages.text("health.column.offset"),
                        d -> formats.count(d.offset()), 90, 85),
                TextColumns.of("damageBatchesColumn", messages.text("health.column.batches"),
                        d -> words.batches(d.batchIds()), 150, 100),
                TextColumns.of("damageDetailColumn", messages.text("health.column.detail"), CorruptionFound::detail,
                        280, 100),
                TextColumns.of("damageActionColumn", messages.text("health.column.action"), CorruptionFound::action,
                        240, 100)));
        setRowFactory(t -> new ReportRow(words));
    }

    /** A row whose tooltip is the whole report, in a fixed-width font so its fields line up. */
    private static final class ReportRow extends TableRow<CorruptionFound> {
        private final DamageWords words;
        private final Tooltip tooltip = new Tooltip();

        ReportRow(DamageWords words) {
            this.words = words;
            tooltip.setStyle("-fx-font-family: monospace;");
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(900);
        }

        @Override
        protected void updateItem(CorruptionFound damage, boolean empty) {
            super.updateItem(damage, empty);
            if (empty || damage == null) {
                setTooltip(null);
            } else {
                tooltip.setText(words.details(damage));
                setTooltip(tooltip);
            }
        }
    }
}
