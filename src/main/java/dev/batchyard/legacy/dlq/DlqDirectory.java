package dev.batchyard.legacy.dlq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Go agent's dead-letter directory ({@code pkg/dlq}, default {@code ./dlq}): every
 * {@code dlq_*.log} in it, read-only. Files are taken in the order the agent wrote them, by the time
 * in their name ({@code dlq_<YYYYMMDD_HHMMSS>.log}, the local time the file was opened); a name
 * without a valid time comes after those, by name, so a scan is repeatable. Lines are visited in
 * file order, then line order. Nothing in the directory is created, changed or deleted; links and
 * anything that is not a regular file are reported by the {@link DlqFileReader}, not followed.
 */
public final class DlqDirectory {
    private static final String GLOB = "dlq_*.log";
    private static final Pattern AGENT_NAME = Pattern.compile("dlq_(\\d{8}_\\d{6})\\.log");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMdd_HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Comparator<Path> FILE_ORDER = Comparator
            .comparing((Path p) -> openedAt(p).orElse(LocalDateTime.MAX))
            .thenComparing(p -> p.getFileName().toString());

    private final DlqFileReader reader;

    public DlqDirectory(DlqFileReader reader) {
        this.reader = reader;
    }

    /** Whether {@code dir} holds any {@code dlq_*.log}: then it is the agent's dead-letter directory. */
    public static boolean holdsDeadLetters(Path dir) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, GLOB)) {
            return stream.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** The local time the agent opened {@code file}, from its name; empty for a name of another form. */
    public static Optional<LocalDateTime> openedAt(Path file) {
        Matcher m = AGENT_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), NAME_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // dlq_20261399_...: digits, but no time
        }
    }

    /** The {@code dlq_*.log} files of {@code dir}, in the order the agent wrote them. */
    public List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, GLOB)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Go dead-letter directory " + dir, e);
        }
        files.sort(FILE_ORDER);
        return files;
    }

    /**
     * Visits every line of every file, in order.
     *
     * @throws UncheckedIOException naming the directory when it cannot be listed
     */
    public void scan(Path dir, DlqVisitor visitor) {
        for (Path file : files(dir)) {
            reader.read(file, visitor);
        }
    }
}
