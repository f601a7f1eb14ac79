package dev.batchyard.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.legacy.BatchFileProblem;
import dev.batchyard.legacy.GoImportOutcome;
import dev.batchyard.legacy.GoImportOutcome.Imported;
import dev.batchyard.legacy.GoImportOutcome.Skipped;
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
    private static final Set<BatchFileProblem> NEEDS_OPERATOR = Set.of(BatchFileProblem.UNREADABLE,
            BatchFileProblem.SYMLINK, BatchFileProblem.TOO_LARGE);

    private final Messages messages;
    private final boolean json;
    private final boolean dryRun;

    ImportReport(Messages messages, boolean json, boolean dryRun) {
        this.messages = messages;
        this.json = json;
        this.dryRun = dryRun;
    }

    int print(PrintWriter out, PrintWriter err, List<GoImportOutcome> outcome) {
        boolean failed = outcome.stream().anyMatch(ImportReport::isFailure);
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
        long imported = outcome.stream().filter(Imported.class::isInstance).count();
        node.put("dry_run", dryRun);
        node.put("imported", imported);
        node.put("skipped", outcome.size() - imported);
        ArrayNode files = node.putArray("files");
        for (GoImportOutcome f : outcome) {
            ObjectNode file = files.addObject().put("file", f.file().getFileName().toString())
                    .put("imported", f instanceof Imported);
            // a stable code (EMPTY, CUT_SHORT, NOT_JSON, NOT_A_BATCH, ID_MISMATCH, UNREADABLE, SYMLINK, TOO_LARGE,
            // present, ...)
            file.put("skip_reason", f instanceof Skipped s ? s.code() : null);
            file.put("detail", f instanceof Skipped s ? s.detail() : ((Imported) f).unkept());
        }
        j.print(out, node);
    }

    private void printText(PrintWriter out, PrintWriter err, List<GoImportOutcome> outcome) {
        Messages m = messages;
        int imported = 0;
        for (GoImportOutcome f : outcome) {
            if (f instanceof Imported i) {
                imported++;
                if (!i.unkept().isEmpty()) {
                    err.println(m.get("import.unkept", Printable.of(f.file().getFileName().toString()),
                            Printable.of(i.unkept())));
                }
            } else if (f instanceof Skipped s) {
                out.println(m.get("import.skipped", Printable.of(f.file().getFileName().toString()),
                        m.get(reasonKey(s.code())), s.detail().isEmpty() ? "" : " (" + Printable.of(s.detail()) + ")"));
            }
        }
        out.println(m.get(dryRun ? "import.summaryDryRun" : "import.summary", imported, outcome.size() - imported));
    }

    /**
     * A file that could not be read (unreadable, a symbolic link, too large) or stored: these need
     * the operator. Damaged or duplicate files are expected in a crashed agent's directory and are
     * not failures.
     */
    private static boolean isFailure(GoImportOutcome f) {
        return f instanceof GoImportOutcome.Unusable u && NEEDS_OPERATOR.contains(u.problem())
                || f instanceof GoImportOutcome.StoreFull || f instanceof GoImportOutcome.Refused;
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
