package dev.batchyard.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.legacy.ExportFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes the audit records a query matches as JSON lines: each record's line exactly as the store
 * wrote it (so fields a later version adds survive), and a line that could not be read as an object
 * saying so ({@code {"action":"unreadable","problem":…,"line":…}}), so every exported line is JSON.
 * Reads the trail a page at a time, not only what the view has loaded; the file is written whole or
 * not at all and owner-only ({@link ExportFile}), replacing one the operator chose to overwrite.
 * The lines are gathered in memory before the write (an audit trail is lines of actions, not of
 * log entries). Stateless; call it off the UI thread.
 */
final class AuditExport {
    static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {
    }

    /** Writes every record {@code query} matches to {@code file}; returns how many. */
    static int write(AuditSource source, AuditQuery query, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        AuditPage page = source.audit(query, PageRequest.first(PAGE));
        while (true) {
            for (AuditRecord record : page.records()) {
                out.writeBytes(line(record).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                count++;
            }
            if (page.atEnd()) {
                break;
            }
            page = source.audit(query, PageRequest.after(page.nextCursor(), PAGE));
        }
        ExportFile.write(file, out.toByteArray(), true);
        return count;
    }

    static String line(AuditRecord record) {
        if (!AuditRecord.UNREADABLE.equals(record.action())) {
            return record.line();
        }
        ObjectNode unreadable = JSON.createObjectNode().put("action", AuditRecord.UNREADABLE)
                .put("problem", record.detail()).put("line", record.line());
        try {
            return JSON.writeValueAsString(unreadable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an unreadable audit line as JSON", e);
        }
    }
}
