package dev.batchyard.app.audit;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;

/** Where the audit view reads the trail a page at a time: the console's {@code audit}; may block. */
@FunctionalInterface
public interface AuditSource {
    AuditPage audit(AuditQuery query, PageRequest page);
}
