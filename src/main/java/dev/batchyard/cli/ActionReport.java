package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ExitCode;

/** Prints one line per id of an operator action; the exit code is 1 if any id failed. */
final class ActionReport {
    private final Messages messages;

    ActionReport(Messages messages) {
        this.messages = messages;
    }

    int print(PrintWriter out, List<ActionResult> results) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        for (ActionResult r : results) {
            out.println(messages.get(r.ok() ? "action.ok" : "action.failed", r.id(), r.message()));
        }
        out.println(messages.get("action.summary", results.size() - failed, failed));
        out.flush();
        return failed == 0 ? ExitCode.OK : ExitCode.SOFTWARE;
    }
}
