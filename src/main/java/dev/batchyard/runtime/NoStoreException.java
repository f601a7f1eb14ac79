package dev.batchyard.runtime;

import dev.batchyard.engine.store.StoreException;
import java.nio.file.Path;

/**
 * A mode that must not create a store was pointed at a directory that holds none: reading commands
 * never leave {@code segments/} behind in, say, a home directory given by mistake.
 */
public final class NoStoreException extends StoreException {
    /** What is at the path instead of a store. */
    public enum Problem {
        /** Nothing. */
        MISSING("it does not exist"),
        /** A file. */
        NOT_A_DIRECTORY("it is a file, not a directory"),
        /** A directory without {@code segments/}. */
        NOT_A_STORE("no segments/ directory");

        private final String english;

        Problem(String english) {
            this.english = english;
        }
    }

    private final Path directory;
    private final Problem problem;

    public NoStoreException(Path directory, Problem problem) {
        super("no Batchyard store at " + directory + " (" + problem.english + ")");
        this.directory = directory;
        this.problem = problem;
    }

    public Path directory() {
        return directory;
    }

    public Problem problem() {
        return problem;
    }
}
