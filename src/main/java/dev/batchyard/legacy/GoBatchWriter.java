package dev.batchyard.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a batch as {@code <dir>/batch_<id>.json} with the bytes the Go agent would write. Unlike
 * the Go agent it writes whole or not at all, owner-only, never through a symbolic link and never
 * over an existing file unless asked ({@link ExportFile}), so a crash never leaves a half-written
 * batch for the agent to skip.
 */
public final class GoBatchWriter {
    private final GoBatchFormat format;

    public GoBatchWriter(GoBatchFormat format) {
        this.format = format;
    }

    /** {@link #write(Path, GoBatchFile, boolean)} refusing to overwrite. */
    public Path write(Path directory, GoBatchFile batch) {
        return write(directory, batch, false);
    }

    /**
     * @return the file written
     * @throws UncheckedIOException naming the file when it cannot be written, or exists already and
     *                              {@code overwrite} is false (then caused by a
     *                              {@link java.nio.file.FileAlreadyExistsException})
     */
    public Path write(Path directory, GoBatchFile batch, boolean overwrite) {
        String name = batch.fileName();
        if (name.contains("/") || name.contains("\\") || name.contains("\0")) {
            throw new IllegalArgumentException("batch id '" + batch.id() + "' cannot be a file name");
        }
        Path target = directory.resolve(name);
        try {
            ExportFile.write(target, format.write(batch), overwrite);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Go batch file " + target + ": " + e, e);
        }
    }
}
