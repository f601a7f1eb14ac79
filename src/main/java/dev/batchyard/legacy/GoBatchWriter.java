package dev.batchyard.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a batch as {@code <dir>/batch_<id>.json} with the bytes the Go agent would write. Unlike
 * the Go agent it writes a temporary file, fsyncs it and renames it into place, so a crash never
 * leaves a half-written batch for the agent to skip. Refuses to overwrite an existing file.
 */
public final class GoBatchWriter {
    private final GoBatchFormat format;

    public GoBatchWriter(GoBatchFormat format) {
        this.format = format;
    }

    /**
     * @return the file written
     * @throws UncheckedIOException naming the file when it exists already or cannot be written
     */
    public Path write(Path directory, GoBatchFile batch) {
        String name = batch.fileName();
        if (name.contains("/") || name.contains("\\") || name.contains("\0")) {
            throw new IllegalArgumentException("batch id '" + batch.id() + "' cannot be a file name");
        }
        Path target = directory.resolve(name);
        Path temp = directory.resolve("." + name + ".tmp");
        try {
            if (Files.exists(target)) {
                throw new IOException(target + " exists already");
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(format.write(batch));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return target;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write Go batch file " + target + ": " + e.getMessage(), e);
        }
    }
}
