package dev.batchyard.engine.store;

import java.nio.file.Path;

/** A change asked of a store opened read-only (browsing a store another process holds). */
public final class StoreReadOnlyException extends StoreException {
    private final Path directory;
    private final String location;

    public StoreReadOnlyException(Path directory) {
        super("store " + directory + " is open read-only");
        this.directory = directory;
        this.location = directory.toString();
    }

    /**
     * A store across a network that this caller may not change.
     *
     * @param location the store as an operator names it (the admin API's URL)
     * @param why      why not, in a sentence (the token's role, the server's answer)
     */
    public StoreReadOnlyException(String location, String why) {
        super("store " + location + " is read-only here: " + why);
        this.directory = null;
        this.location = location;
    }

    /** The store's directory; {@code null} for a store across a network ({@link #location()} names it). */
    public Path directory() {
        return directory;
    }

    /** The store as an operator names it: its directory, or the admin API's URL. */
    public String location() {
        return location;
    }
}
