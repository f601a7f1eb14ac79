package dev.batchyard.sink.http;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.EntryRejection;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which entries Loki refused from its 400 (or per-stream 429) answer. Loki writes the
 * entries it takes and answers for the rest in its body, one line each, naming the stream by its
 * labels ({@code {app="api", level="error"}}) and, for a single entry, its timestamp as Go prints a
 * time ({@code 2026-12-02 09:00:00.5 +0000 UTC}):
 * <ul>
 *   <li>{@code entry with timestamp T ignored, reason: 'entry out of order',} … then
 *       {@code total ignored: N out of M for stream: S} (the ingester lists its refusals first,
 *       the stream after them);</li>
 *   <li>{@code entry for stream 'S' has timestamp too old: T, oldest acceptable timestamp is: …}
 *       (and {@code too new}), {@code entry too far behind, entry timestamp is: T, …};</li>
 *   <li>{@code Max entry size 'X' bytes exceeded for stream 'S' while adding an entry with length 'N' bytes};</li>
 *   <li>{@code Per stream rate limit exceeded (limit: …) while attempting to ingest for stream 'S' totaling …}:
 *       every entry of the stream.</li>
 * </ul>
 * An entry is found by its stream's labels (as {@link LokiPushBody} grouped it) and, where the line
 * gives one, its timestamp or length. A line that names no entry of the batch is left out; when no
 * line names any, the answer is left to its status. A rate limit is retryable, the rest will happen
 * again (permanent).
 */
final class LokiRefusal {
    private static final Pattern STREAM_QUOTED = Pattern.compile("for stream:? '(\\{.*?\\})'");
    private static final Pattern STREAM_AT_END = Pattern.compile("for stream: (\\{.*\\}),?\\s*$");
    private static final Pattern IGNORED = Pattern.compile("entry with timestamp (.+?) ignored, reason: '(.*?)',?\\s*$");
    private static final Pattern TOO_OLD_OR_NEW = Pattern.compile("has timestamp too (old|new): (.+?)(,|$)");
    private static final Pattern TOO_FAR_BEHIND = Pattern.compile("entry timestamp is: (.+?)(,|$)");
    private static final Pattern LENGTH = Pattern.compile("while adding an entry with length '(\\d+)' bytes");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final DateTimeFormatter GO_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendPattern(" xx")
            .toFormatter();

    private final Batch batch;
    private final Map<String, String> defaultLabels;

    LokiRefusal(Batch batch, Map<String, String> defaultLabels) {
        this.batch = batch;
        this.defaultLabels = defaultLabels;
    }

    Optional<DeliveryOutcome> read(int status, ResponseBody body) {
        if (status != 400 && status != 429) {
            return Optional.empty();
        }
        Map<Integer, String> refused = new TreeMap<>();
        List<String[]> waiting = new ArrayList<>(); // ingester lines: {timestamp, reason}, stream named later
        boolean rateLimited = false;
        for (String raw : body.text().split("\n")) {
            String line = raw.strip();
            Matcher ignored = IGNORED.matcher(line);
            if (ignored.find()) {
                waiting.add(new String[] {ignored.group(1), ignored.group(2)});
                continue;
            }
            Optional<Map<String, String>> stream = streamOf(line);
            if (stream.isEmpty()) {
                continue;
            }
            List<Integer> inStream = entriesOf(stream.get());
            if (!waiting.isEmpty()) {
                for (String[] w : waiting) {
                    at(inStream, w[0]).ifPresent(i -> refused.putIfAbsent(i, w[1]));
                }
                waiting.clear();
            } else if (line.startsWith("Per stream rate limit exceeded")) {
                rateLimited = true;
                inStream.forEach(i -> refused.putIfAbsent(i, reasonOf(line)));
            } else if (line.startsWith("Max entry size")) {
                Matcher length = LENGTH.matcher(line);
                int bytes = length.find() ? Integer.parseInt(length.group(1)) : -1;
                inStream.stream().filter(i -> utf8Length(batch.entries().get(i).message()) == bytes)
                        .forEach(i -> refused.putIfAbsent(i, reasonOf(line)));
            } else {
                Matcher time = TOO_OLD_OR_NEW.matcher(line);
                Matcher behind = TOO_FAR_BEHIND.matcher(line);
                String t = time.find() ? time.group(2) : behind.find() ? behind.group(1) : null;
                if (t != null) {
                    at(inStream, t).ifPresent(i -> refused.putIfAbsent(i, reasonOf(line)));
                }
            }
        }
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        List<EntryRejection> rejections = new ArrayList<>();
        refused.forEach((i, why) -> rejections.add(new EntryRejection(i, why)));
        return Optional.of(DeliveryOutcome.Failed.rejected(rejections, batch.entries().size(),
                rateLimited || status == 429));
    }

    /** The line without its stream and timestamps: what is wrong, the same for every entry it hits. */
    private static String reasonOf(String line) {
        if (line.startsWith("Per stream rate limit exceeded")) {
            int cut = line.indexOf(" while attempting");
            return cut > 0 ? line.substring(0, cut) : line;
        }
        if (line.startsWith("Max entry size")) {
            int cut = line.indexOf(" for stream");
            return cut > 0 ? line.substring(0, cut) : line;
        }
        if (line.contains("timestamp too old")) {
            return "timestamp too old";
        }
        if (line.contains("timestamp too new")) {
            return "timestamp too new";
        }
        if (line.startsWith("entry too far behind")) {
            return "entry too far behind";
        }
        return line;
    }

    private static Optional<Map<String, String>> streamOf(String line) {
        Matcher quoted = STREAM_QUOTED.matcher(line);
        Matcher atEnd = STREAM_AT_END.matcher(line);
        String text = quoted.find() ? quoted.group(1) : atEnd.find() ? atEnd.group(1) : null;
        if (text == null) {
            return Optional.empty();
        }
        Map<String, String> labels = new TreeMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return labels.isEmpty() ? Optional.empty() : Optional.of(labels);
    }

    private List<Integer> entriesOf(Map<String, String> stream) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < batch.entries().size(); i++) {
            if (LokiPushBody.labels(defaultLabels, batch.entries().get(i)).equals(stream)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The first entry of {@code inStream} at Go time {@code goTime}. */
    private Optional<Integer> at(List<Integer> inStream, String goTime) {
        long nanos;
        try {
            String t = goTime.strip();
            int zone = t.lastIndexOf(' ');
            if (zone > 0 && t.substring(zone + 1).chars().allMatch(Character::isLetter)) {
                t = t.substring(0, zone); // "+0000 UTC": the name after the offset adds nothing
            }
            OffsetDateTime parsed = OffsetDateTime.parse(t, GO_TIME);
            nanos = parsed.toEpochSecond() * 1_000_000_000L + parsed.getNano();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        for (int i : inStream) {
            if (LokiPushBody.epochNanos(batch.entries().get(i), batch.meta().createdAt()) == nanos) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
