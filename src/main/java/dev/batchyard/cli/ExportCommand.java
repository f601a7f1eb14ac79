package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchIds;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.legacy.GoBatchDirectory;
import dev.batchyard.legacy.GoBatchFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export ID...|--all --go-dir OUT}: writes stored batches as the Go agent's
 * {@code batch_<id>.json}, so a Go agent (or a person) can take them back. An existing file is
 * left alone unless {@code --overwrite}; each file is written whole or not at all.
 */
@Command(name = "export", mixinStandardHelpOptions = true)
final class ExportCommand extends StoreCommand {
    @ArgGroup(multiplicity = "1")
    Selection selection;

    @Option(names = "--go-dir", paramLabel = "OUT", required = true, descriptionKey = "option.goDirOut")
    Path out;

    @Option(names = "--overwrite", descriptionKey = "option.overwrite")
    boolean overwrite;

    /** Which batches: the ids given, or all of them. */
    static final class Selection {
        @Parameters(paramLabel = "ID", arity = "1..*", descriptionKey = "param.ids")
        List<String> ids;

        @Option(names = "--all", required = true, descriptionKey = "option.all")
        boolean all;
    }

    @Override
    int run() {
        List<ActionReport.Line> results = new ArrayList<>();
        ActionReport report = report();
        try (OpenStore store = access().forReading(storeOptions)) {
            BatchPersistence engine = store.engine();
            List<String> ids = selection.all
                    ? engine.query(BatchQuery.all()).stream().map(BatchView::id).toList() : selection.ids;
            createDirectory();
            GoBatchFormat format = new GoBatchFormat(new GoJson());
            for (String id : ids) {
                results.add(export(engine, format, report, id));
            }
        }
        return report.print(out(), results);
    }

    private ActionReport.Line export(BatchPersistence engine, GoBatchFormat format, ActionReport report, String id) {
        // the engine stores only ids of a file-name-safe alphabet (BatchIds); checked again here because
        // an id given on the command line, or stored by an older version, must never lead a file out of OUT
        String badId = BatchIds.problem(id);
        if (badId != null) {
            return report.line(id, false, "bad_id", "export.badId", badId);
        }
        Optional<Batch> batch;
        try {
            batch = engine.batch(id);
        } catch (RuntimeException e) {
            return report.failed(id, e);
        }
        if (batch.isEmpty()) {
            return report.line(id, false, ActionResult.Reason.NO_SUCH_BATCH.code(), "batch.unknown", id);
        }
        Path target = out.resolve(GoBatchDirectory.fileNameFor(id));
        if (Files.exists(target) && !overwrite) {
            return report.line(id, false, "export_exists", "export.exists", target);
        }
        try {
            write(target, format.write(GoBatches.toGoFile(batch.get())));
            return report.line(id, true, "exported", "export.written", target);
        } catch (IOException e) {
            return report.line(id, false, "export_failed", "export.failed", target, e.toString());
        }
    }

    /** Whole or not at all: a temporary file, fsync'd, renamed over the target. */
    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void createDirectory() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new CliException(messages().get("export.failed", out, e.toString()), e);
        }
    }
}
