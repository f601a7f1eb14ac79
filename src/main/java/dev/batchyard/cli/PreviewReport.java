package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.console.ActionPreview;
import java.io.PrintWriter;
import java.util.List;

/**
 * A bulk command's {@code --dry-run}: what the action would touch ({@link ActionPreview}, the same
 * figures the window's confirmation shows), printed as text or JSON. Nothing is changed.
 */
final class PreviewReport {
    private final Messages messages;
    private final boolean json;

    PreviewReport(Messages messages, boolean json) {
        this.messages = messages;
        this.json = json;
    }

    void print(PrintWriter out, String action, ActionPreview p) {
        if (json) {
            Json j = new Json();
            ObjectNode node = j.object();
            node.put("dry_run", true).put("action", action).put("batches", p.batches()).put("entries", p.entries())
                    .put("bytes", p.bytes()).put("in_flight", p.inFlight()).put("dead", p.dead())
                    .put("looped", p.looped());
            ObjectNode sinks = node.putObject("per_sink");
            p.perSink().forEach((sink, share) -> sinks.putObject(sink).put("batches", share.batches())
                    .put("entries", share.entries()).put("bytes", share.bytes()));
            var missing = node.putArray("not_stored");
            p.notStored().forEach(missing::add);
            j.print(out, node);
        } else {
            out.println(messages.get("dryRun.summary", action, p.batches(), p.entries(), p.bytes(), p.inFlight(), p.dead()));
            if (!p.perSink().isEmpty()) {
                Table table = new Table(List.of(messages.get("column.sink"), messages.get("column.batches"),
                        messages.get("column.entries"), messages.get("column.bytes")), 1, 2, 3);
                p.perSink().forEach((sink, share) -> table.add(sink, messages.number(share.batches()),
                        messages.number(share.entries()), messages.number(share.bytes())));
                table.print(out);
            }
            if (p.looped() > 0) {
                out.println(messages.get("dryRun.looped", p.looped()));
            }
            if (!p.notStored().isEmpty()) {
                out.println(messages.get("dryRun.notStored", String.join(", ", p.notStored())));
            }
            out.println(messages.get("dryRun.nothingChanged"));
        }
        out.flush();
    }
}
