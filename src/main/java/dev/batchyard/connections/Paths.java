package dev.batchyard.connections;

import java.nio.file.Path;

/** The one rule for a path kept in the connections file. Stateless. */
final class Paths {
    private Paths() {
    }

    /**
     * {@code path}, normalised, when it is absolute: the file is read from wherever the window
     * starts, so a relative path would mean another place each time.
     *
     * @throws IllegalArgumentException naming {@code what} for a missing or relative path
     */
    static Path absolute(Path path, String what) {
        if (path == null || path.toString().isBlank()) {
            throw new IllegalArgumentException(what + ": a path is needed");
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException(what + ": '" + ConnectionNames.printable(path.toString())
                    + "' is not an absolute path");
        }
        return path.normalize();
    }
}
