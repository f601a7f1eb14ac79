package dev.batchyard.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.store.StoreException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a store's {@code audit.log} back (its writer is {@code AuditTrail}, which owns the format:
 * one JSON object per line). Positions are byte offsets of line starts; the file is append-only, so
 * a position stays valid for good.
 *
 * <p>A line is read once its line break is written: a last line without one is being written (or
 * was cut by a crash) and is left for a later read. A line that is not a JSON object of the trail's
 * shape, or is longer than {@link #MAX_LINE_BYTES}, is returned as {@link AuditRecord#unreadable},
 * never skipped silently. Reads only; safe beside the writer and from any thread.
 */
public final class AuditLog {
    /** Far above any action's line (a bulk action on 100,000 ids writes about 8 MiB). */
    public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;
    private static final int SHOWN_OF_A_HUGE_LINE = 1024;

    private final Path file;
    private final int maxLineBytes;
    private final ObjectMapper json = new ObjectMapper();

    public AuditLog(Path storeDirectory) {
        this(storeDirectory, MAX_LINE_BYTES);
    }

    /** With a smaller bound on a line, for tests. */
    AuditLog(Path storeDirectory, int maxLineBytes) {
        this.file = storeDirectory.resolve(AuditTrail.FILE);
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * What one read found.
     *
     * @param next  the position after the last line read: where the next read starts
     * @param atEnd whether the read reached the end of the complete lines
     */
    public record Page(List<AuditRecord> records, long next, boolean atEnd) {
        public Page {
            records = List.copyOf(records);
        }
    }

    /**
     * Up to {@code limit} records that {@code wanted} accepts, from position {@code from} on.
     *
     * @throws IllegalArgumentException when {@code from} is not the start of a line of this file
     * @throws StoreException naming the file when it cannot be read
     */
    public Page read(long from, int limit, Predicate<AuditRecord> wanted) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            requireLineStart(channel, from);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel.position(from)), 64 * 1024);
            List<AuditRecord> found = new ArrayList<>();
            long position = from;
            while (found.size() < limit) {
                Line line = Line.read(in, maxLineBytes);
                if (line == null) {
                    return new Page(found, position, true);
                }
                position += line.length();
                AuditRecord record = parse(line);
                if (wanted.test(record)) {
                    found.add(record);
                }
            }
            return new Page(found, position, position >= channel.size());
        } catch (NoSuchFileException e) {
            if (from != 0) {
                throw new IllegalArgumentException(file + " has no position " + from + ": it does not exist yet");
            }
            return new Page(List.of(), 0, true); // a store never opened for changes has no trail yet
        } catch (IOException e) {
            throw new StoreException("cannot read audit trail " + file + ": " + e, e);
        }
    }

    private void requireLineStart(FileChannel channel, long from) throws IOException {
        if (from < 0 || from > channel.size()) {
            throw new IllegalArgumentException(file + " has no position " + from + " (it holds " + channel.size() + " bytes)");
        }
        if (from > 0) {
            ByteBuffer before = ByteBuffer.allocate(1);
            channel.read(before, from - 1);
            if (before.get(0) != '\n') {
                throw new IllegalArgumentException("position " + from + " of " + file + " is not the start of a line");
            }
        }
    }

    private AuditRecord parse(Line line) {
        if (line.tooLong()) {
            return AuditRecord.unreadable(line.text(), "a line of " + (line.length() - 1) + " bytes, over the "
                    + maxLineBytes + " a reader takes; shown cut to its first " + line.text().length() + " characters");
        }
        try {
            JsonNode node = json.readTree(line.text());
            if (node == null || !node.isObject() || !node.path("at").isTextual() || !node.path("action").isTextual()) {
                return AuditRecord.unreadable(line.text(), "not an audit record (an object with 'at' and 'action')");
            }
            Set<String> ids = new LinkedHashSet<>();
            List<AuditRecord.Result> results = new ArrayList<>();
            for (JsonNode r : node.path("results")) {
                String id = r.path("id").asText();
                ids.add(id);
                results.add(new AuditRecord.Result(id, r.path("ok").asBoolean(), r.path("reason").asText(),
                        r.path("message").asText()));
            }
            node.path("ids").forEach(id -> ids.add(id.asText()));
            return new AuditRecord(Instant.parse(node.get("at").asText()), node.path("actor").asText(),
                    node.get("action").asText(), node.path("detail").asText(), List.copyOf(ids), results, line.text());
        } catch (IOException | RuntimeException e) {
            return AuditRecord.unreadable(line.text(), "not an audit record: " + e.getMessage());
        }
    }

    /** One complete line: its text (cut for a huge line) and its length in the file, line break included. */
    private record Line(String text, long length, boolean tooLong) {

        /**
         * The next complete line, or null at the end (a last line without its line break is not
         * complete). A line over {@code bound} bytes keeps only its head, so memory stays bounded.
         */
        static Line read(InputStream in, int bound) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long length = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                length++;
                if (b == '\n') {
                    return new Line(bytes.toString(StandardCharsets.UTF_8), length, length - 1 > bound);
                }
                if (length <= bound) {
                    bytes.write(b);
                } else if (length == bound + 1L) {
                    byte[] head = Arrays.copyOf(bytes.toByteArray(), Math.min(bound, SHOWN_OF_A_HUGE_LINE));
                    bytes.reset();
                    bytes.write(head);
                }
            }
            return null;
        }
    }
}
