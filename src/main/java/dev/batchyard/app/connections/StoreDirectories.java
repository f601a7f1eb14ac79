package dev.batchyard.app.connections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a directory dropped on the window or picked in a chooser holds. Stateless; reads the disk (off the UI thread). */
public final class StoreDirectories {
    private StoreDirectories() {
    }

    /** What a dropped directory is, and so where it goes. */
    public enum Kind {
        /** A Batchyard store (it has {@code segments/}): it opens in a window beside. */
        STORE,
        /** A Go agent's directory ({@code batch_*.json}): the Go browser. */
        GO_AGENT,
        /** A Go agent's dead-letter directory ({@code dlq_*.log}): the dead-letter browser. */
        GO_DLQ,
        /** None of these. */
        OTHER
    }

    /** Whether {@code dir} is a Batchyard store: its {@code segments} directory is there. */
    public static boolean isStore(Path dir) {
        return Files.isDirectory(dir.resolve("segments"));
    }

    /** What {@code dir} holds; a Go agent's batches win over its dead letters when it has both. */
    public static Kind classify(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Kind.OTHER;
        }
        if (isStore(dir)) {
            return Kind.STORE;
        }
        boolean dlq = false;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("batch_") && name.endsWith(".json")) {
                    return Kind.GO_AGENT;
                }
                dlq |= name.startsWith("dlq_") && name.endsWith(".log");
            }
        }
        return dlq ? Kind.GO_DLQ : Kind.OTHER;
    }
}
