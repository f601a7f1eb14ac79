package dev.batchyard.cli;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Rejections;
import dev.batchyard.legacy.GoBatchFormat;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Parameters;

/**
 * {@code show ID}: one batch's metadata, delivery attempts and entries; {@code --json} in the Go shape,
 * with each entry's own failure, if it has one, in {@code entry_failures} ({@link EntryFailuresJson}), and
 * the entries the sink refused in its latest attempt that named any in {@code entry_rejections}
 * ({@link EntryRejectionsJson}); the text marks them in the entries table.
 */
@Command(name = "show", mixinStandardHelpOptions = true)
final class ShowCommand extends StoreCommand {
    private static final int MESSAGE_WIDTH = 100;

    @Parameters(paramLabel = "ID", descriptionKey = "param.id")
    String id;

    @Override
    int run() {
        Optional<Batch> batch;
        try (CommandConsole store = access().reading(storeOptions)) {
            batch = store.console().batch(id);
        }
        if (batch.isEmpty()) {
            throw new CliException(messages().get("batch.unknown", id));
        }
        if (json) {
            // Go's bytes, with what a terminal would act on escaped: the same JSON values
            out().println(Printable.json(new String(new GoBatchFormat(new GoJson())
                    .write(EntryRejectionsJson.addTo(EntryFailuresJson.addTo(GoBatches.toGoFile(batch.get()), batch.get()),
                            batch.get())),
                    StandardCharsets.UTF_8)));
            out().flush();
        } else {
            printText(batch.get());
        }
        return ExitCode.OK;
    }

    private void printText(Batch batch) {
        Messages m = messages();
        BatchView v = batch.meta();
        Table meta = new Table(List.of("", ""));
        meta.add(m.get("column.id"), v.id())
                .add(m.get("column.sink"), v.sink())
                .add(m.get("column.state"), v.state())
                .add(m.get("column.entries"), m.number(v.entryCount()))
                .add(m.get("column.bytes"), m.number(v.storedBytes()))
                .add(m.get("column.created"), m.time(v.createdAt()))
                .add(m.get("column.lastAttempt"), m.time(v.lastAttempt()))
                .add(m.get("column.retries"), m.number(v.retryCount()))
                .add(m.get("column.nextAttempt"), m.time(v.nextAttemptAt()))
                .add(m.get("column.reason"), v.failureReason());
        new TreeMap<>(v.context()).forEach((k, val) -> meta.add(m.get("show.context", k), val));
        meta.print(out());
        out().println();
        out().println(m.get("show.attempts", v.attempts().size()));
        if (!v.attempts().isEmpty()) {
            Table attempts = new Table(List.of(m.get("column.at"), m.get("column.sink"), m.get("column.outcome"),
                    m.get("column.took"), m.get("column.deliveredTo"), m.get("column.error")));
            for (Attempt a : v.attempts()) {
                attempts.add(m.time(a.at()), a.sink(), a.outcome(), m.millis(a.duration()), a.receipt().toString(),
                        a.error());
            }
            attempts.print(out());
        }
        out().println();
        out().println(m.get("show.entries", batch.entries().size()));
        Optional<Attempt> rejecting = Rejections.latest(v.attempts());
        Map<Integer, String> rejected = new HashMap<>();
        rejecting.ifPresent(a -> {
            a.rejections().forEach(r -> rejected.put(r.index(), r.reason()));
            out().println(m.get("show.rejected", a.rejections().size(), batch.entries().size(), a.sink(), m.time(a.at())));
        });
        List<String> columns = new ArrayList<>(List.of(m.get("column.timestamp"), m.get("column.level"),
                m.get("column.source"), m.get("column.message")));
        if (!rejected.isEmpty()) {
            columns.add(m.get("column.rejected"));
        }
        Table entries = new Table(columns);
        // an entry's timestamp is log data: printed as the agent wrote it, offset and all
        for (int i = 0; i < batch.entries().size(); i++) {
            LogEntry e = batch.entries().get(i);
            // an entry may have no timestamp (null): a list that takes nulls
            List<Object> row = new ArrayList<>(Arrays.asList(Json.time(e.timestamp()), e.level(),
                    e.sourceType() + ":" + e.sourceId(), oneLine(e.message())));
            if (!rejected.isEmpty()) {
                row.add(rejected.getOrDefault(i, ""));
            }
            entries.add(row.toArray());
        }
        entries.print(out());
    }

    private static String oneLine(String message) {
        String flat = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return flat.length() <= MESSAGE_WIDTH ? flat : flat.substring(0, MESSAGE_WIDTH - 1) + "…";
    }
}
