package dev.batchyard.logging;

import dev.batchyard.engine.store.OwnerOnlyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only log file that rolls over by size: when a write would take it past
 * {@code maxBytes}, {@code serve.log} becomes {@code serve.log.1} (and {@code .1} becomes
 * {@code .2}, up to {@code keep} old files; the oldest goes), and a new one starts. New files are
 * the owner's only ({@code 0600}, and a missing directory {@code 0700}: logs name batches, sinks and
 * callers; {@link OwnerOnlyFiles}); a link in the file's place is not followed. Not thread-safe on its own: {@link LogFile} writes to it under a lock.
 */
final class RotatingFile extends OutputStream {
    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;

    RotatingFile(Path file, long maxBytes, int keep) throws IOException {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
        open();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (size > 0 && size + len > maxBytes) {
            roll();
        }
        out.write(b, off, len);
        size += len;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void roll() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(numbered(i), LinkOption.NOFOLLOW_LINKS)) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }

    private void open() throws IOException {
        OwnerOnlyFiles.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = OwnerOnlyFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
        size = channel.size();
        out = Channels.newOutputStream(channel);
    }
}
