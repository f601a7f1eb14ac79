package dev.batchyard.app.audit;

import dev.batchyard.console.AuditPage;
import dev.batchyard.console.AuditQuery;
import dev.batchyard.console.PageRequest;
import dev.batchyard.engine.AuditRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An audit trail in a list, paged as the console pages it (a cursor is the next line's index); counts its reads. */
final class TrailOnAList implements AuditSource {
    final List<AuditRecord> lines = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    void add(int n, String action, String id) {
        for (int i = 0; i < n; i++) {
            Instant at = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(lines.size());
            lines.add(new AuditRecord(at, "ana", action, "", List.of(id), List.of(new AuditRecord.Result(id, true, "",
                    "")), "{\"at\":\"" + at + "\",\"actor\":\"ana\",\"action\":\"" + action + "\",\"ids\":[\"" + id
                    + "\"]}"));
        }
    }

    @Override
    public AuditPage audit(AuditQuery query, PageRequest page) {
        reads.incrementAndGet();
        int at = page.cursor() == null ? 0 : Integer.parseInt(page.cursor());
        List<AuditRecord> out = new java.util.ArrayList<>();
        while (at < lines.size() && out.size() < page.limit()) {
            if (query.matcher().test(lines.get(at))) {
                out.add(lines.get(at));
            }
            at++;
        }
        return new AuditPage(out, Integer.toString(at), at >= lines.size());
    }
}
