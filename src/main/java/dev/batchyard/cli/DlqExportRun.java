package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.legacy.dlq.DlqExport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code export --go-dlq-dir OUT}: the batches as the Go agent's dead-letter lines
 * ({@link DlqExport}), one result line per batch id, in the order given: which file took its entries,
 * or why it was not written. An id given twice is exported once (its entries' ids would repeat).
 */
final class DlqExportRun {
    private final Console console;
    private final ActionReport report;
    private final DlqExport export;

    DlqExportRun(Console console, ActionReport report, Clock clock, Path out) {
        this.console = console;
        this.report = report;
        this.export = DlqExport.standard(clock, out);
    }

    List<ActionReport.Line> export(List<String> ids) {
        Map<String, ActionReport.Line> lines = new LinkedHashMap<>();
        Map<String, Integer> entries = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<Batch> batch;
            try {
                batch = console.batch(id);
            } catch (RuntimeException e) {
                lines.put(id, report.failed(id, e));
                continue;
            }
            if (batch.isEmpty()) {
                lines.put(id, report.line(id, false, ActionResult.Reason.NO_SUCH_BATCH.code(), "batch.unknown", id));
                continue;
            }
            lines.put(id, null); // filled in once its file is written
            entries.put(id, batch.get().entries().size());
            export.add(batch.get());
        }
        for (DlqExport.WrittenFile file : export.finish()) {
            for (String id : file.batchIds()) {
                lines.put(id, file.ok()
                        ? report.line(id, true, "exported", "export.dlqWritten", entries.get(id), file.file())
                        : report.line(id, false, "export_failed", "export.failed", file.file(),
                                file.failure().toString()));
            }
        }
        return new ArrayList<>(lines.values());
    }
}
