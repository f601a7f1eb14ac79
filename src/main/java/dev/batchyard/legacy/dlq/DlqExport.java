package dev.batchyard.legacy.dlq;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.Batch;
import dev.batchyard.legacy.ExportFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stored batches written back as the Go agent's dead-letter files: each entry one line, as
 * {@code json.Marshal} writes its {@code DLQEntry} ({@link DlqLineFormat#write}), with the failure it
 * was imported with or one made from its batch ({@link DlqFromEngine}).
 *
 * <p>Files are new {@code dlq_<YYYYMMDD_HHMMSS>.log} in {@code out}, named for the clock's local time
 * as the agent names them, a second later for each name already there (a file, a link or anything
 * else: nothing is overwritten or written through a link) or already used by this export. Each is
 * written whole or not at all, owner-only ({@link ExportFile}). A file takes whole batches until the
 * next would pass {@code maxFileBytes} (the agent rotates at its {@code max_file_size_mb}, 100 by
 * default); a batch bigger than that gets a file of its own.
 *
 * <p>One export, one thread: not thread-safe. A file's lines are held in memory until it is written.
 */
public final class DlqExport {
    /** The agent's default {@code max_file_size_mb}. */
    public static final long MAX_FILE_BYTES = 100L * 1024 * 1024;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'dlq_'yyyyMMdd_HHmmss'.log'");
    /** Names tried after one taken between the look and the write, before the file is given up. */
    private static final int RACES = 100;

    /** A file this export wrote, or failed to write (then {@code failure} says why and nothing is there). */
    public record WrittenFile(Path file, List<String> batchIds, int lines, long bytes, IOException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final DlqLineFormat format;
    private final Clock clock;
    private final Path out;
    private final long maxFileBytes;
    private final Set<String> entryIds = new HashSet<>();
    private final List<WrittenFile> written = new ArrayList<>();
    private ByteArrayOutputStream lines = new ByteArrayOutputStream();
    private List<String> batchIds = new ArrayList<>();
    private int lineCount;
    private LocalDateTime lastName;

    public DlqExport(DlqLineFormat format, Clock clock, Path out, long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.format = format;
        this.clock = clock;
        this.out = out;
        this.maxFileBytes = maxFileBytes;
    }

    public static DlqExport standard(Clock clock, Path out) {
        return new DlqExport(new DlqLineFormat(new GoJson()), clock, out, MAX_FILE_BYTES);
    }

    /** Adds every entry of {@code batch}, in order; writes the file so far first if the batch would make it too big. */
    public void add(Batch batch) {
        ByteArrayOutputStream batchLines = new ByteArrayOutputStream();
        for (int i = 0; i < batch.entries().size(); i++) {
            batchLines.writeBytes(format.write(batch.entries().get(i), DlqFromEngine.failureOf(batch, i, entryIds)));
        }
        if (lines.size() > 0 && lines.size() + (long) batchLines.size() > maxFileBytes) {
            flush();
        }
        lines.writeBytes(batchLines.toByteArray());
        batchIds.add(batch.id());
        lineCount += batch.entries().size();
    }

    /** Writes the last file (if any line is waiting) and returns every file, in the order written. */
    public List<WrittenFile> finish() {
        if (lines.size() > 0) {
            flush();
        }
        return List.copyOf(written);
    }

    private void flush() {
        byte[] bytes = lines.toByteArray();
        Path target = null;
        IOException failure = null;
        for (int race = 0; race <= RACES; race++) {
            target = out.resolve(NAME.format(nextFreeName()));
            try {
                ExportFile.write(target, bytes, false);
                failure = null;
                break;
            } catch (FileAlreadyExistsException e) {
                failure = e; // taken since we looked: the next second's name
            } catch (IOException e) {
                failure = e;
                break;
            }
        }
        written.add(new WrittenFile(target, List.copyOf(batchIds), lineCount, bytes.length, failure));
        lines = new ByteArrayOutputStream();
        batchIds = new ArrayList<>();
        lineCount = 0;
    }

    /** The clock's local second, or the second after the last name this export took, whichever is later and free. */
    private LocalDateTime nextFreeName() {
        LocalDateTime t = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (lastName != null && !t.isAfter(lastName)) {
            t = lastName.plusSeconds(1);
        }
        while (Files.exists(out.resolve(NAME.format(t)), LinkOption.NOFOLLOW_LINKS)) {
            t = t.plusSeconds(1);
        }
        lastName = t;
        return t;
    }
}
