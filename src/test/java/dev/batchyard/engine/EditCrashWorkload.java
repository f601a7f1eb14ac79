package dev.batchyard.engine;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.Actor;
import dev.batchyard.model.LogEntry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The child process of {@link RepairKillNineTest}'s edit loop: on a store of a few batches, edits them
 * until it is killed: replaces an entry's message, removes an entry, sets a label on two batches. Before
 * each edit it prints {@code doing <id>=<fingerprint before>><fingerprint after> ...} (each batch the edit
 * changes, {@link #fingerprint} of its entries), and {@code DONE} once it returned; a refusal prints
 * {@code REFUSED}. Small segments and frequent maintenance make compaction move batches as it goes.
 */
public final class EditCrashWorkload {
    static final int BATCHES = 6;
    static final int ENTRIES = 6;
    private static final FileOutputStream STDOUT = new FileOutputStream(FileDescriptor.out);
    private static final Actor ACTOR = new Actor("crash-test");
    private static final GoJson JSON = new GoJson();

    private static void say(String line) {
        try {
            STDOUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch's entries as one line: each message, and its {@code round} label when it has one. */
    static String fingerprint(List<LogEntry> entries) {
        List<String> parts = new ArrayList<>();
        for (LogEntry e : entries) {
            String round = e.labels() == null ? null : e.labels().get("round");
            parts.add(e.message() + (round == null ? "" : "#" + round));
        }
        return String.join(",", parts);
    }

    public static void main(String[] args) {
        BatchPersistence engine = RepairCrashWorkload.open(Path.of(args[0]));
        Random random = new Random(Long.parseLong(args[1]));
        if (engine.pendingBatches().isEmpty()) {
            for (int b = 0; b < BATCHES; b++) {
                List<LogEntry> entries = new ArrayList<>();
                for (int e = 0; e < ENTRIES; e++) {
                    entries.add(LogEntry.builder().message("e" + b + "/" + e).build());
                }
                engine.persistBatch("b" + b, entries, "loki");
            }
        }
        say("READY");
        for (int k = 0; ; k++) {
            List<BatchView> all = engine.pendingBatches();
            String id = all.get(random.nextInt(all.size())).id();
            List<LogEntry> entries = engine.batch(id).orElseThrow().entries();
            Map<String, List<LogEntry>> after = new LinkedHashMap<>();
            EditRequest request;
            int kind = random.nextInt(3);
            if (kind == 0 || (kind == 1 && entries.size() < 2)) {
                int i = random.nextInt(entries.size());
                LogEntry edited = entries.get(i).toBuilder().message("r" + args[1] + "k" + k).build();
                List<LogEntry> changed = new ArrayList<>(entries);
                changed.set(i, edited);
                after.put(id, changed);
                request = new EditRequest.ReplaceEntry(id, i, JSON.toJson(edited, false));
            } else if (kind == 1) {
                int i = random.nextInt(entries.size());
                List<LogEntry> changed = new ArrayList<>(entries);
                changed.remove(i);
                after.put(id, changed);
                request = new EditRequest.RemoveEntries(id, List.of(i));
            } else {
                String other = all.get(random.nextInt(all.size())).id();
                List<String> ids = other.equals(id) ? List.of(id) : List.of(id, other);
                String round = args[1] + "." + k;
                for (String b : ids) {
                    after.put(b, engine.batch(b).orElseThrow().entries().stream()
                            .map(e -> {
                                Map<String, String> labels = new LinkedHashMap<>(e.labels() == null ? Map.of() : e.labels());
                                labels.put("round", round);
                                return e.toBuilder().labels(labels).build();
                            }).toList());
                }
                request = new EditRequest.SetLabel(ids, "round", round);
            }
            StringBuilder line = new StringBuilder("doing");
            for (Map.Entry<String, List<LogEntry>> e : after.entrySet()) {
                line.append(' ').append(e.getKey()).append('=')
                        .append(fingerprint(engine.batch(e.getKey()).orElseThrow().entries())).append('>')
                        .append(fingerprint(e.getValue()));
            }
            say(line.toString());
            try {
                engine.edit(request, ACTOR);
                say("DONE");
            } catch (RuntimeException e) {
                say("REFUSED " + e.getMessage().replace('\n', ' '));
            }
        }
    }
}
