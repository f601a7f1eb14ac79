package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.legacy.GoImportOutcome;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ExitCode;

/**
 * Prints what {@code import-go} did, file by file: skipped files with their reason on stdout,
 * what the store could not keep of imported files on stderr, then the counts; or the same as JSON.
 * Damaged or duplicate files are expected in a crashed agent's directory; only a file that could
 * not be read (unreadable, a symbolic link, too large) or stored makes the exit code 1.
 */
final class ImportReport {
    /** Skips that need the operator (exit code 1); an empty or cut file is what a Go crash leaves, and is not. */
    private static final Set<String> FAILURES = Set.of("UNREADABLE", "SYMLINK", "TOO_LARGE", "storeFull", "refused");

    private final Messages messages;
    private final boolean json;
    private final boolean dryRun;

    ImportReport(Messages messages, boolean json, boolean dryRun) {
        this.messages = messages;
        this.json = json;
        this.dryRun = dryRun;
    }

    int print(PrintWriter out, PrintWriter err, List<GoImportOutcome> outcome) {
        boolean failed = outcome.stream().anyMatch(f -> !f.isImported() && FAILURES.contains(f.skip()));
        if (json) {
            printJson(out, outcome);
        } else {
            printText(out, err, outcome);
        }
        return failed ? ExitCode.SOFTWARE : ExitCode.OK;
    }

    private void printJson(PrintWriter out, List<GoImportOutcome> outcome) {
        Json j = new Json();
        ObjectNode node = j.object();
        long imported = outcome.stream().filter(GoImportOutcome::isImported).count();
        node.put("dry_run", dryRun);
        node.put("imported", imported);
        node.put("skipped", outcome.size() - imported);
        ArrayNode files = node.putArray("files");
        for (GoImportOutcome f : outcome) {
            ObjectNode file = files.addObject().put("file", f.file().getFileName().toString()).put("imported", f.isImported());
            // a stable code (EMPTY, CUT_SHORT, NOT_JSON, NOT_A_BATCH, ID_MISMATCH, UNREADABLE, SYMLINK, TOO_LARGE,
            // present, ...)
            file.put("skip_reason", f.isImported() ? null : f.skip());
            file.put("detail", f.isImported() ? f.unkept() : f.detail());
        }
        j.print(out, node);
    }

    private void printText(PrintWriter out, PrintWriter err, List<GoImportOutcome> outcome) {
        Messages m = messages;
        int imported = 0;
        for (GoImportOutcome f : outcome) {
            if (f.isImported()) {
                imported++;
                if (!f.unkept().isEmpty()) {
                    err.println(m.get("import.unkept", Printable.of(f.file().getFileName().toString()),
                            Printable.of(f.unkept())));
                }
            } else {
                out.println(m.get("import.skipped", Printable.of(f.file().getFileName().toString()),
                        m.get(reasonKey(f.skip())), f.detail().isEmpty() ? "" : " (" + Printable.of(f.detail()) + ")"));
            }
        }
        out.println(m.get(dryRun ? "import.summaryDryRun" : "import.summary", imported, outcome.size() - imported));
    }

    /** The key for a skip code: a {@code BatchFileProblem} name, or one of the store's refusals. */
    private static String reasonKey(String code) {
        return switch (code) {
            case "present" -> "import.skip.present";
            case "badId" -> "import.skip.badId";
            case "storeFull" -> "import.skip.storeFull";
            case "refused" -> "import.skip.refused";
            default -> "import.skip." + code;
        };
    }
}
