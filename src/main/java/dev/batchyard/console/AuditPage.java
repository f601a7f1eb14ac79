package dev.batchyard.console;

import dev.batchyard.engine.AuditRecord;
import java.util.List;
import java.util.Objects;

/**
 * One page of the audit trail, oldest first.
 *
 * @param records    the matching lines of this page
 * @param nextCursor where the next page starts; never {@code null}: at the end of the trail it is
 *                   where lines written later will start, so a tool can poll with it
 * @param atEnd      whether this page read up to the end of the trail as it was
 */
public record AuditPage(List<AuditRecord> records, String nextCursor, boolean atEnd) {
    public AuditPage {
        records = List.copyOf(records);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
