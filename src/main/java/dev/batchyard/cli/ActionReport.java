package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.ActionResult;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ExitCode;

/**
 * Prints the per-id results of an operator action (or an export): one line per id, or with
 * {@code --json} an object {@code {"done": n, "failed": m, "results": [{"id", "ok", "message"}]}}.
 * The exit code is 1 if any id failed.
 */
final class ActionReport {
    private final Messages messages;
    private final boolean json;

    ActionReport(Messages messages, boolean json) {
        this.messages = messages;
        this.json = json;
    }

    int print(PrintWriter out, List<ActionResult> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (json) {
            Json j = new Json();
            ObjectNode node = j.object();
            node.put("done", results.size() - failed);
            node.put("failed", failed);
            ArrayNode list = node.putArray("results");
            results.forEach(r -> list.addObject().put("id", r.id()).put("ok", r.ok()).put("message", r.message()));
            j.print(out, node);
        } else {
            for (ActionResult r : results) {
                out.println(messages.get(r.ok() ? "action.ok" : "action.failed", Printable.of(r.id()),
                        Printable.of(r.message())));
            }
            out.println(messages.get("action.summary", results.size() - failed, failed));
            out.flush();
        }
        return failed == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
    }
}
