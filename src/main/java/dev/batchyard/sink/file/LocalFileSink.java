package dev.batchyard.sink.file;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Sink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Appends each entry as one line of JSON to {@code directory/filename_pattern}, where
 * {@code {date}} becomes the UTC date ({@code 2026-11-26}) and {@code {hour}} the UTC hour. A batch
 * is one write followed by {@code fsync}; success is reported only after the fsync. A write that
 * fails is cut back off the file, so a failed attempt leaves no half batch behind. File I/O runs on
 * the given executor, never on the caller's thread; one batch is written at a time.
 *
 * <p><b>Who can read it:</b> log lines are data that may be confidential, so a new file is created
 * {@code 0600} and a new directory {@code 0700} on POSIX file systems (the umask can only take more
 * away), whatever the umask; the Go agent's {@code local_file} has no key for the mode, so neither
 * has this. A file or directory that exists keeps its mode: an operator whose log shipper runs as
 * another user creates the directory with the mode and default ACL it needs.
 *
 * <p><b>Redelivery:</b> at-least-once. A batch whose success was lost (crash between the fsync and
 * the engine recording it) is appended again; readers that must not count twice can drop repeated
 * lines (same {@code trace_id}, {@code timestamp} and {@code message}). A crash during the write
 * can leave a torn last line, which a reader should skip.
 */
public final class LocalFileSink implements Sink {
    public static final String DEFAULT_PATTERN = "batchyard-{date}.log";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");
    private final String name;
    private final Path directory;
    private final String pattern;
    private final EntryJson json;
    private final Clock clock;
    private final Executor io;
    private final Object writeLock = new Object();
    private final boolean posix;

    public LocalFileSink(String name, Path directory, String pattern, EntryJson json, Clock clock, Executor io) {
        this.name = name;
        this.directory = directory;
        this.pattern = pattern;
        this.json = json;
        this.clock = clock;
        this.io = io;
        this.posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public static LocalFileSink read(String name, ConfigNode node, EntryJson json, Clock clock, Executor io) {
        String dir = node.text("directory", "").strip();
        if (dir.isEmpty()) {
            throw node.invalid("directory", dir, "must name the directory to write log files into");
        }
        String pattern = node.text("filename_pattern", DEFAULT_PATTERN).strip();
        if (pattern.isEmpty() || pattern.contains("/") || pattern.contains("\\")) {
            throw node.invalid("filename_pattern", pattern, "must be a file name (no directories), e.g. logs-{date}.log");
        }
        return new LocalFileSink(name, Path.of(dir), pattern, json, clock, io);
    }

    /** The file a batch written now goes to. */
    public Path currentFile() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        return directory.resolve(pattern.replace("{date}", DATE.format(now)).replace("{hour}", HOUR.format(now)));
    }

    @Override
    public CompletableFuture<DeliveryOutcome> deliver(Batch batch) {
        return CompletableFuture.supplyAsync(() -> write(batch), io);
    }

    private DeliveryOutcome write(Batch batch) {
        StringBuilder lines = new StringBuilder();
        for (LogEntry e : batch.entries()) {
            lines.append(json.line(e)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        Path file = currentFile();
        synchronized (writeLock) {
            try {
                createDirectories();
                boolean created = !Files.exists(file);
                try (FileChannel ch = open(file)) {
                    long start = ch.size();
                    try {
                        ch.position(start);
                        while (bytes.hasRemaining()) {
                            ch.write(bytes);
                        }
                        ch.force(true);
                    } catch (IOException e) {
                        ch.truncate(start);
                        throw e;
                    }
                }
                if (created) {
                    syncDirectory();
                }
                return DeliveryOutcome.delivered();
            } catch (IOException e) {
                return DeliveryOutcome.retryable("cannot append batch " + batch.id() + " to " + file + ": "
                        + e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
    }

    private void createDirectories() throws IOException {
        if (posix) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    private FileChannel open(Path file) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return posix ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(file, options);
    }

    /** Makes a new file's directory entry durable too, so the file itself survives a crash. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the file's own fsync is all we can do there.
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "local_file";
    }

    @Override
    public String describe() {
        return "JSON lines appended to " + directory.resolve(pattern);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public String toString() {
        return "LocalFileSink[" + name + ", " + describe() + "]";
    }
}
