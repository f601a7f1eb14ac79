package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashSet;

/**
 * Creates the store's own files and directories for their owner only: directories {@code 0700},
 * files {@code 0600}, whatever the umask allows. A store holds every log line not yet delivered,
 * and its {@code audit.log} names who did what: nobody else on the machine needs to read them.
 *
 * <p>The mode is given at creation ({@code open(2)}, {@code mkdir(2)}), so there is no moment when
 * a file exists with looser permissions. Files and directories that already exist are left as they
 * are (and keep working). On a file system without POSIX permissions (Windows) nothing is asked for
 * and the platform's defaults apply. Stateless.
 */
public final class OwnerOnlyFiles {
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];
    private static final FileAttribute<?>[] FILE = {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    private static final FileAttribute<?>[] DIRECTORY = {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};

    private OwnerOnlyFiles() {
    }

    /** {@code dir} and any missing parents, each created {@code 0700}. */
    public static Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir, posix(dir) ? DIRECTORY : NONE);
    }

    /** One directory, created {@code 0700}; its parent must exist. */
    public static Path createDirectory(Path dir) throws IOException {
        return Files.createDirectory(dir, posix(dir) ? DIRECTORY : NONE);
    }

    /** A channel on {@code file}, which is created {@code 0600} if {@code options} create it. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, new HashSet<>(Arrays.asList(options)), posix(file) ? FILE : NONE);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
