package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.engine.ActionResult;
import dev.batchyard.i18n.EngineTexts;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ExitCode;

/**
 * Prints the per-id results of an operator action (or an export): one line per id in the
 * operator's language, or with {@code --json} an object
 * {@code {"done": n, "failed": m, "results": [{"id", "ok", "reason", "message"}]}} whose
 * {@code reason} is a stable code ({@code sink_not_configured}) and {@code message} English.
 * The exit code is 1 if any id failed.
 */
final class ActionReport {
    private final Messages messages;
    private final EngineTexts engineTexts;
    private final boolean json;

    /**
     * One id's line.
     *
     * @param reason the stable code, e.g. {@code sent}, {@code export_exists}
     * @param text   in the operator's language; English under {@code --json}
     */
    record Line(String id, boolean ok, String reason, String text) {
    }

    ActionReport(Messages messages, boolean json) {
        this.messages = messages;
        this.engineTexts = new EngineTexts(messages.language());
        this.json = json;
    }

    /** The engine's answer, worded for the operator (English, as the audit trail has it, for JSON). */
    Line line(ActionResult result) {
        return new Line(result.id(), result.ok(), result.reason().code(),
                json ? result.message() : engineTexts.reason(result));
    }

    /** A line the CLI itself decides (an export, a sink's answer to a retry): its text from the CLI bundle. */
    Line line(String id, boolean ok, String reason, String key, Object... args) {
        return new Line(id, ok, reason, messages.get(key, args));
    }

    /** An id the store failed on ({@code store_error}): a headline in the operator's language, the English detail. */
    Line failed(String id, RuntimeException failure) {
        return new Line(id, false, ActionResult.Reason.STORE_ERROR.code(),
                json ? String.valueOf(failure.getMessage()) : engineTexts.failure(failure).oneLine());
    }

    int printResults(PrintWriter out, List<ActionResult> results) {
        return print(out, results.stream().map(this::line).toList());
    }

    int print(PrintWriter out, List<Line> lines) {
        long failed = lines.stream().filter(r -> !r.ok()).count();
        if (json) {
            Json j = new Json();
            ObjectNode node = j.object();
            node.put("done", lines.size() - failed);
            node.put("failed", failed);
            ArrayNode list = node.putArray("results");
            lines.forEach(r -> list.addObject().put("id", r.id()).put("ok", r.ok()).put("reason", r.reason())
                    .put("message", r.text()));
            j.print(out, node);
        } else {
            for (Line r : lines) {
                out.println(messages.get(r.ok() ? "action.ok" : "action.failed", Printable.of(r.id()),
                        Printable.of(r.text())));
            }
            out.println(messages.get("action.summary", lines.size() - failed, failed));
            out.flush();
        }
        return failed == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
    }
}
