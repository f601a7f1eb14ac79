package dev.batchyard.legacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one exported file (a batch for the Go agent or for a person) so that it is:
 * <ul>
 *   <li><b>whole or absent:</b> the bytes go to a new temporary file beside the target, are
 *       fsync'd, and the file is put in place in one step; a crash leaves at most a
 *       {@code .<name>.<random>.tmp} behind, never a half file under the real name;</li>
 *   <li><b>the owner's only:</b> files are created {@code 0600} and directories {@code 0700} on
 *       POSIX file systems (the umask can only take more away); a directory that exists keeps its
 *       mode, so an operator who wants to share exports makes the directory first;</li>
 *   <li><b>never through a symbolic link:</b> the temporary file is created new, not following
 *       links ({@code CREATE_NEW}, {@code NOFOLLOW_LINKS}); putting it in place acts on the target
 *       name itself (a link there is replaced or refused, never followed);</li>
 *   <li><b>never over an existing file unless asked:</b> without {@code overwrite} the file is put
 *       in place by a hard link, which fails when the name exists, so nothing can slip in between
 *       a check and a rename. Where hard links are not supported (FAT, some network shares) the
 *       name is first claimed by creating an empty file exclusively, then replaced by the rename;
 *       a crash between the two leaves that empty file, which an import reports as empty.</li>
 * </ul>
 * Stateless; safe to call from several threads (each call has its own temporary file).
 */
public final class ExportFile {
    private static final String FILE_MODE = "rw-------";
    private static final String DIRECTORY_MODE = "rwx------";

    private ExportFile() {
    }

    /** Creates {@code dir} and its missing parents as {@code 0700}; an existing directory is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        return isPosix(dir) ? Files.createDirectories(dir, mode(DIRECTORY_MODE)) : Files.createDirectories(dir);
    }

    /**
     * Writes {@code bytes} as {@code target}.
     *
     * @throws FileAlreadyExistsException when {@code target} exists (as a file, a link or anything
     *                                    else) and {@code overwrite} is false
     */
    public static void write(Path target, byte[] bytes, boolean overwrite) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        writeNew(temp, bytes);
        try {
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                publishNew(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(dir);
    }

    private static void writeNew(Path temp, byte[] bytes) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel ch = isPosix(temp) ? FileChannel.open(temp, options, mode(FILE_MODE)) : FileChannel.open(temp, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void publishNew(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            claim(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Takes the name for this write, or fails if anything has it: an empty file created exclusively. */
    private static void claim(Path target) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel ignored = isPosix(target) ? FileChannel.open(target, options, mode(FILE_MODE))
                : FileChannel.open(target, options)) {
            // created: the name is ours
        }
    }

    /** Makes the new name durable; some platforms cannot open a directory, where the file's own fsync is all there is. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not possible here (e.g. Windows): the rename is as durable as the platform makes it
        }
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> mode(String mode) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode));
    }
}
