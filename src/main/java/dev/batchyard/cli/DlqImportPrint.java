package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.legacy.dlq.DamagedLine;
import dev.batchyard.legacy.dlq.DlqImportReport;
import dev.batchyard.legacy.dlq.LineProblem;
import dev.batchyard.legacy.dlq.RefusedFile;
import java.io.PrintWriter;
import picocli.CommandLine.ExitCode;

/**
 * Prints what {@code import-go} did with a dead-letter directory: each line not taken in with its
 * file and line number, each file not read, each batch the store did not take, then the counts; or
 * the same as JSON. Damaged lines are expected after the agent crashed; only a file that could not
 * be read or a batch that could not be stored makes the exit code 1.
 */
final class DlqImportPrint {
    private final Messages messages;
    private final boolean json;
    private final boolean dryRun;

    DlqImportPrint(Messages messages, boolean json, boolean dryRun) {
        this.messages = messages;
        this.json = json;
        this.dryRun = dryRun;
    }

    int print(PrintWriter out, DlqImportReport report) {
        if (json) {
            printJson(out, report);
        } else {
            printText(out, report);
        }
        return report.refused().isEmpty() && report.notStored().isEmpty() ? ExitCode.OK : ExitCode.SOFTWARE;
    }

    private void printText(PrintWriter out, DlqImportReport report) {
        Messages m = messages;
        for (DamagedLine d : report.damaged()) {
            out.println(m.get("import.dlq.skippedLine", Printable.of(d.file().getFileName().toString()), d.line(),
                    m.get(problemKey(d.problem())), d.detail().isEmpty() ? "" : ": " + Printable.of(d.detail())));
        }
        long unlisted = report.linesNotTakenIn() - report.damaged().size();
        if (unlisted > 0) {
            out.println(m.get("import.dlq.moreLines", unlisted));
        }
        for (RefusedFile f : report.refused()) {
            out.println(m.get("import.dlq.refusedFile", Printable.of(f.file().getFileName().toString()),
                    m.get(refusedKey(f.problem())), f.detail().isEmpty() ? "" : " (" + Printable.of(f.detail()) + ")"));
        }
        for (DlqImportReport.NotStored n : report.notStored()) {
            out.println(m.get("import.dlq.notStored", n.batch().id(), n.batch().entries(), Printable.of(n.batch().sink()),
                    Printable.of(n.batch().first()), Printable.of(n.reason())));
        }
        out.println(m.get(dryRun ? "import.dlq.summaryDryRun" : "import.dlq.summary", report.entriesStored(),
                report.stored().size(), report.linesNotTakenIn()));
    }

    private void printJson(PrintWriter out, DlqImportReport report) {
        Json j = new Json();
        ObjectNode node = j.object();
        node.put("dry_run", dryRun);
        node.put("format", "dlq");
        node.put("entries_imported", report.entriesStored());
        node.put("lines_skipped", report.linesNotTakenIn());
        ArrayNode batches = node.putArray("batches");
        report.stored().forEach(b -> batches.addObject().put("id", b.id()).put("sink", b.sink())
                .put("entries", b.entries()).put("first_line", b.first()));
        ArrayNode lines = node.putArray("skipped_lines");
        // problem: a stable code (CUT_SHORT, NOT_JSON, NOT_AN_ENTRY, TEXT_FORMAT, TOO_LONG, BLANK, DUPLICATE)
        report.damaged().forEach(d -> lines.addObject().put("file", d.file().getFileName().toString())
                .put("line", d.line()).put("problem", d.problem().name()).put("detail", d.detail()));
        ObjectNode byProblem = node.putObject("skipped_by_problem");
        report.damagedByProblem().forEach((p, n) -> byProblem.put(p.name(), n));
        ArrayNode files = node.putArray("refused_files");
        report.refused().forEach(f -> files.addObject().put("file", f.file().getFileName().toString())
                .put("problem", f.problem().name()).put("detail", f.detail()));
        ArrayNode notStored = node.putArray("not_stored");
        report.notStored().forEach(n -> notStored.addObject().put("id", n.batch().id()).put("sink", n.batch().sink())
                .put("entries", n.batch().entries()).put("store_full", n.storeFull()).put("reason", n.reason()));
        j.print(out, node);
    }

    /** Spelled out so every key is findable. */
    private static String problemKey(LineProblem problem) {
        return switch (problem) {
            case CUT_SHORT -> "import.dlq.problem.CUT_SHORT";
            case NOT_JSON -> "import.dlq.problem.NOT_JSON";
            case NOT_AN_ENTRY -> "import.dlq.problem.NOT_AN_ENTRY";
            case TEXT_FORMAT -> "import.dlq.problem.TEXT_FORMAT";
            case TOO_LONG -> "import.dlq.problem.TOO_LONG";
            case BLANK -> "import.dlq.problem.BLANK";
            case DUPLICATE -> "import.dlq.problem.DUPLICATE";
        };
    }

    private static String refusedKey(RefusedFile.Problem problem) {
        return switch (problem) {
            case SYMLINK -> "import.dlq.refused.SYMLINK";
            case TOO_LARGE -> "import.dlq.refused.TOO_LARGE";
            case UNREADABLE -> "import.dlq.refused.UNREADABLE";
        };
    }
}
