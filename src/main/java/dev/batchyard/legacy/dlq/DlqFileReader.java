package dev.batchyard.legacy.dlq;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads one Go dead-letter file line by line and hands every line to a {@link DlqVisitor}: an
 * entry, or a damaged line with its number. Never throws for a bad line or file (after a crash the
 * agent leaves a cut last line) and never changes the file. Thread-safe; each call reads on its own.
 *
 * <p><b>Bounded memory:</b> one line at a time, in a buffer that grows to at most
 * {@code maxLineBytes}; a longer line is passed over to its newline without being kept and
 * reported as {@link LineProblem#TOO_LONG} with its length. The agent's own reader stops at 64 KiB
 * lines; this one reads up to {@link #MAX_LINE_BYTES} by default, as the agent writes large
 * messages.
 *
 * <p><b>What it refuses, as {@code import-go} does for batch files:</b> a symbolic link, never
 * followed even when swapped in between the check and the open; anything not a regular file; a file
 * over {@code maxFileBytes}. An I/O error part way through is reported as
 * {@link RefusedFile.Problem#UNREADABLE} naming the last line read; the lines before it stand.
 */
public final class DlqFileReader {
    /** 16 MiB: far beyond the agent's 64 KiB reader, and still a line that can be held and parsed. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /**
     * 4 GiB: the agent rotates at {@code max_file_size_mb} (100 MiB by default, set higher by some);
     * a file is streamed, so this bounds the time a scan takes, not its memory.
     */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final DlqLineFormat format;
    private final int maxLineBytes;
    private final long maxFileBytes;

    public DlqFileReader(DlqLineFormat format) {
        this(format, MAX_LINE_BYTES, MAX_FILE_BYTES);
    }

    /** @param maxLineBytes the longest line read, without its newline (tests use small limits) */
    public DlqFileReader(DlqLineFormat format, int maxLineBytes, long maxFileBytes) {
        if (maxLineBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxLineBytes + " bytes a line, "
                    + maxFileBytes + " a file");
        }
        this.format = format;
        this.maxLineBytes = maxLineBytes;
        this.maxFileBytes = maxFileBytes;
    }

    public void read(Path file, DlqVisitor visitor) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                visitor.refused(new RefusedFile(file, RefusedFile.Problem.SYMLINK, "links to "
                        + Files.readSymbolicLink(file) + "; links are not followed, so nothing was read from it"));
                return;
            }
            if (!attributes.isRegularFile()) {
                visitor.refused(new RefusedFile(file, RefusedFile.Problem.UNREADABLE, "not a regular file"));
                return;
            }
            if (attributes.size() > maxFileBytes) {
                visitor.refused(new RefusedFile(file, RefusedFile.Problem.TOO_LARGE, attributes.size()
                        + " bytes; a dead-letter file is read only up to " + maxFileBytes + " bytes"));
                return;
            }
        } catch (IOException | SecurityException e) {
            visitor.refused(new RefusedFile(file, RefusedFile.Problem.UNREADABLE, String.valueOf(e)));
            return;
        }
        Lines lines = new Lines(file, visitor);
        try (InputStream in = Channels.newInputStream(
                Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            lines.readAll(in);
        } catch (IOException | SecurityException e) {
            visitor.refused(new RefusedFile(file, RefusedFile.Problem.UNREADABLE, e + " after line " + lines.number));
        }
    }

    /** Splits the bytes at newlines; one per read. */
    private final class Lines {
        private final Path file;
        private final DlqVisitor visitor;
        private byte[] line = new byte[1024];
        private int length;
        /** the current line's length so far, counted on past the limit when it is too long */
        private long seen;
        private long number;
        private long total;

        Lines(Path file, DlqVisitor visitor) {
            this.file = file;
            this.visitor = visitor;
        }

        void readAll(InputStream in) throws IOException {
            byte[] chunk = new byte[CHUNK];
            int n;
            while ((n = in.read(chunk)) > 0) {
                total += n;
                if (total > maxFileBytes) {
                    visitor.refused(new RefusedFile(file, RefusedFile.Problem.TOO_LARGE, "grew past " + maxFileBytes
                            + " bytes while it was read; read up to line " + number));
                    return;
                }
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        append(chunk, start, i - start);
                        end(false);
                        start = i + 1;
                    }
                }
                append(chunk, start, n - start);
            }
            if (seen > 0) {
                end(true);
            }
        }

        private void append(byte[] from, int off, int len) {
            seen += len;
            if (seen > maxLineBytes) {
                return;
            }
            if (length + len > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, length + len)));
            }
            System.arraycopy(from, off, line, length, len);
            length += len;
        }

        private void end(boolean endsFile) {
            number++;
            if (seen > maxLineBytes) {
                visitor.damaged(new DamagedLine(file, number, LineProblem.TOO_LONG, seen + " bytes; lines are read only"
                        + " up to " + maxLineBytes + " bytes"));
            } else {
                DlqLine read = format.read(file, number, line, length, endsFile);
                if (read instanceof DeadLetter letter) {
                    visitor.letter(letter);
                } else {
                    visitor.damaged((DamagedLine) read);
                }
            }
            length = 0;
            seen = 0;
            if (line.length > CHUNK * 4) {
                line = new byte[1024]; // a huge line once does not keep its buffer for the rest of the file
            }
        }
    }
}
