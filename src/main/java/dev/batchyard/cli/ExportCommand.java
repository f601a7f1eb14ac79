package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Transfer;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.legacy.ExportFile;
import dev.batchyard.legacy.GoBatchDirectory;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.legacy.GoBatchWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code export ID...|--all --go-dir OUT}: writes stored batches as the Go agent's
 * {@code batch_<id>.json}, so a Go agent (or a person) can take them back. An existing file is
 * left alone unless {@code --overwrite}; each file is written whole or not at all, readable by its
 * owner only, and never through a symbolic link ({@link GoBatchWriter}). With
 * {@code --go-dlq-dir OUT} the batches become the agent's dead-letter lines in new
 * {@code dlq_<time>.log} files instead ({@link DlqExportRun}), which never replace a file.
 */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand extends StoreCommand {
    @ArgGroup(multiplicity = "1")
    Selection selection;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--overwrite", descriptionKey = "option.overwrite")
    boolean overwrite;

    private Path out;

    /** Which batches: the ids given, or all of them. */
    static final class Selection {
        @Parameters(paramLabel = "ID", arity = "1..*", descriptionKey = "param.ids")
        List<String> ids;

        @Option(names = "--all", required = true, descriptionKey = "option.all")
        boolean all;
    }

    /** Where to: batch files or dead-letter files. */
    static final class Target {
        @Option(names = "--go-dir", paramLabel = "OUT", required = true, descriptionKey = "option.goDirOut")
        Path goDir;

        @Option(names = "--go-dlq-dir", paramLabel = "OUT", required = true, descriptionKey = "option.goDlqDirOut")
        Path goDlqDir;
    }

    @Override
    int run() {
        if (overwrite && target.goDlqDir != null) {
            throw new ParameterException(spec.commandLine(), messages().get("export.dlqNoOverwrite"));
        }
        List<ActionReport.Line> results = new ArrayList<>();
        ActionReport report = report();
        try (CommandConsole store = access().reading(storeOptions)) {
            Console console = store.console();
            List<String> ids = selection.all
                    ? console.each(BatchQuery.all(), BatchOrder.OLDEST_FIRST, ListCommand.PAGE).map(BatchView::id).toList()
                    : selection.ids;
            out = target.goDir != null ? target.goDir : target.goDlqDir;
            createDirectory();
            if (target.goDlqDir != null) {
                results.addAll(new DlqExportRun(console, report, context().clock(), out).export(ids));
            } else {
                GoBatchWriter writer = new GoBatchWriter(new GoBatchFormat(new GoJson()));
                for (String id : ids) {
                    results.add(export(console, writer, report, id));
                }
            }
            audit(console, results);
        }
        return report.print(out(), results);
    }

    /** One {@code export} line in the audit trail with the ids written; said on stderr when the store is read-only. */
    private void audit(Console console, List<ActionReport.Line> results) {
        List<String> written = results.stream().filter(ActionReport.Line::ok).map(ActionReport.Line::id).toList();
        if (!console.recordTransfer(Transfer.exported(out.toAbsolutePath().normalize().toString(), written))) {
            err().println(messages().get("export.notAudited", written.size()));
        }
    }

    private ActionReport.Line export(Console console, GoBatchWriter writer, ActionReport report, String id) {
        // the engine stores only ids of a file-name-safe alphabet (BatchIds); checked again here because
        // an id given on the command line, or stored by an older version, must never lead a file out of OUT
        String badId = BatchIds.problem(id);
        if (badId != null) {
            return report.line(id, false, "bad_id", "export.badId", badId);
        }
        Optional<Batch> batch;
        try {
            batch = console.batch(id);
        } catch (RuntimeException e) {
            return report.failed(id, e);
        }
        if (batch.isEmpty()) {
            return report.line(id, false, ActionResult.Reason.NO_SUCH_BATCH.code(), "batch.unknown", id);
        }
        Path target = out.resolve(GoBatchDirectory.fileNameFor(id));
        try {
            writer.write(out, GoBatches.toGoFile(batch.get()), overwrite);
            return report.line(id, true, "exported", "export.written", target);
        } catch (UncheckedIOException e) {
            return e.getCause() instanceof FileAlreadyExistsException
                    ? report.line(id, false, "export_exists", "export.exists", target)
                    : report.line(id, false, "export_failed", "export.failed", target, e.getCause().toString());
        }
    }

    private void createDirectory() {
        try {
            ExportFile.createDirectories(out);
        } catch (IOException e) {
            throw new CliException(messages().get("export.failed", out, e.toString()), e);
        }
    }
}
