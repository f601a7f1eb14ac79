package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Says in words why a store directory could not be created, opened or locked, naming the path at
 * fault: an operator reads {@code /srv/store is a file, not a directory}, not a bare
 * {@code FileAlreadyExistsException: /srv/store/segments}. Stateless.
 */
final class PathProblem {
    private PathProblem() {
    }

    /** Why {@code e} happened while working in the store {@code directory}. */
    static String describe(Disk disk, Path directory, IOException e) {
        Path blocking = nearestExisting(disk, directory.toAbsolutePath());
        if (blocking != null && !disk.isDirectory(blocking)) {
            return blocking.equals(directory.toAbsolutePath()) ? directory + " is a file, not a directory"
                    : "cannot create " + directory + ": " + blocking + " is a file, not a directory";
        }
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : directory.toString();
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file;
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " exists but is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory, and it cannot be created here: " + file;
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return file + ": " + f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** {@code path} or its nearest ancestor that exists, or null if none does. */
    private static Path nearestExisting(Disk disk, Path path) {
        Path p = path;
        while (p != null && !disk.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
