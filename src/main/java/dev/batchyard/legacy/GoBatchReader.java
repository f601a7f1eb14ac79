package dev.batchyard.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.batchyard.codec.gojson.JsonShapeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Reads one {@code batch_<id>.json} and classifies it: a batch, or a {@link BatchFileProblem}
 * with a detail that names the place. Never throws for a bad file (a directory of them is
 * normal after the Go agent crashed) and never changes the file. Thread-safe.
 *
 * <p>A directory to import from may be shared or prepared by someone else, so: a symbolic link is
 * refused ({@link BatchFileProblem#SYMLINK}) and never followed, even if it is swapped in between
 * the check and the read ({@code NOFOLLOW_LINKS} on the open); a file over
 * {@link #MAX_FILE_BYTES} is refused ({@link BatchFileProblem#TOO_LARGE}, naming its size) without
 * being read, as a file is read whole and its entries parsed into memory.
 */
public final class GoBatchReader {
    /**
     * 64 MiB: the Go agent writes a batch indented, about 1 to 2 KiB per entry, so a batch of tens
     * of thousands of entries fits; reading and parsing one file takes a few times its size in memory.
     */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private final GoBatchFormat format;
    private final long maxBytes;

    public GoBatchReader(GoBatchFormat format) {
        this(format, MAX_FILE_BYTES);
    }

    /** @param maxBytes the largest file read (tests use a small one) */
    public GoBatchReader(GoBatchFormat format, long maxBytes) {
        this.format = format;
        this.maxBytes = maxBytes;
    }

    public BatchFileResult read(Path file) {
        byte[] bytes;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return new BatchFileResult.Rejected(file, BatchFileProblem.SYMLINK, "links to "
                        + Files.readSymbolicLink(file) + "; links are not followed, so nothing was read from it");
            }
            if (!attributes.isRegularFile()) {
                return new BatchFileResult.Rejected(file, BatchFileProblem.UNREADABLE, "not a regular file");
            }
            if (attributes.size() > maxBytes) {
                return tooLarge(file, attributes.size());
            }
            bytes = readAtMost(file);
        } catch (IOException | SecurityException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.UNREADABLE, String.valueOf(e));
        }
        if (bytes.length > maxBytes) {
            return tooLarge(file, bytes.length); // it grew after it was looked at
        }
        return classify(file, bytes);
    }

    private BatchFileResult tooLarge(Path file, long size) {
        return new BatchFileResult.Rejected(file, BatchFileProblem.TOO_LARGE, size + " bytes; a Go batch file is read"
                + " only up to " + maxBytes + " bytes");
    }

    /** At most {@code maxBytes + 1} bytes, opened without following a link swapped in since the check. */
    private byte[] readAtMost(Path file) throws IOException {
        try (InputStream in = Channels.newInputStream(
                Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
    }

    /** Classifies the contents {@code bytes} of {@code file} (already read). */
    public BatchFileResult classify(Path file, byte[] bytes) {
        if (isBlank(bytes)) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.EMPTY,
                    bytes.length == 0 ? "0 bytes" : bytes.length + " bytes of whitespace");
        }
        GoBatchFile batch;
        try {
            batch = format.read(bytes);
        } catch (JsonShapeException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.NOT_A_BATCH, e.getMessage());
        } catch (JsonEOFException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.CUT_SHORT,
                    "ends after " + bytes.length + " bytes: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            return atEnd(e, bytes.length)
                    ? new BatchFileResult.Rejected(file, BatchFileProblem.CUT_SHORT,
                            "ends after " + bytes.length + " bytes: " + e.getOriginalMessage())
                    : new BatchFileResult.Rejected(file, BatchFileProblem.NOT_JSON, oneLine(e));
        } catch (IOException e) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.NOT_JSON, String.valueOf(e));
        }
        String expected = GoBatchDirectory.fileNameFor(batch.id());
        if (!expected.equals(file.getFileName().toString())) {
            return new BatchFileResult.Rejected(file, BatchFileProblem.ID_MISMATCH,
                    "holds batch id '" + batch.id() + "', whose file would be " + expected);
        }
        return new BatchFileResult.Loaded(file, batch);
    }

    /** A token that runs into the end of the file ({@code tru}, {@code 12.}) is a cut, not bad JSON. */
    private static boolean atEnd(JsonProcessingException e, int length) {
        return e.getLocation() != null && e.getLocation().getByteOffset() >= length;
    }

    private static String oneLine(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage().replace('\n', ' ') + where;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
