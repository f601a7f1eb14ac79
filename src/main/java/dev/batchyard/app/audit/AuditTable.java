package dev.batchyard.app.audit;

import atlantafx.base.theme.Styles;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TextColumns;
import dev.batchyard.engine.AuditRecord;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

/** The audit records: when, who, what, on which batches, with what result, and the action's detail. */
final class AuditTable extends TableView<AuditRecord> {
    private static final int IDS_SHOWN = 3;

    AuditTable(ObservableList<AuditRecord> records, Formats formats) {
        super(records);
        Messages messages = formats.messages();
        setId("auditTable");
        getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        setPlaceholder(new Label(messages.text("audit.empty")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().setAll(List.of(
                TextColumns.of("auditAtColumn", messages.text("audit.column.at"),
                        r -> r.at() == null ? "" : formats.shortDateTime(r.at()), 170, 150),
                TextColumns.of("auditActorColumn", messages.text("audit.column.actor"), AuditRecord::actor, 150, 90),
                TextColumns.of("auditActionColumn", messages.text("audit.column.action"), AuditRecord::action, 130,
                        90),
                TextColumns.of("auditIdsColumn", messages.text("audit.column.ids"), r -> ids(r, messages), 260, 120),
                TextColumns.of("auditResultColumn", messages.text("audit.column.result"), r -> result(r, formats), 170,
                        120),
                TextColumns.of("auditDetailColumn", messages.text("audit.column.detail"), AuditRecord::detail, 300,
                        120)));
    }

    /** A few ids, then how many more. */
    private static String ids(AuditRecord r, Messages messages) {
        String head = String.join(", ", r.ids().subList(0, Math.min(IDS_SHOWN, r.ids().size())));
        return r.ids().size() <= IDS_SHOWN ? head : messages.format("audit.moreIds", head, r.ids().size() - IDS_SHOWN);
    }

    /** "3 done" or "3 done, 1 refused" for an action on batches; nothing for a line without results. */
    private static String result(AuditRecord r, Formats formats) {
        if (r.results().isEmpty()) {
            return "";
        }
        long done = r.results().stream().filter(AuditRecord.Result::ok).count();
        long refused = r.results().size() - done;
        return refused == 0 ? formats.messages().format("audit.result.allDone", done, formats.count(done))
                : formats.messages().format("audit.result", done, formats.count(done), refused, formats.count(refused));
    }
}
