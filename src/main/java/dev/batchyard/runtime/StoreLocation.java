package dev.batchyard.runtime;

import dev.batchyard.config.ConfigFile;
import dev.batchyard.engine.ConfigException;
import java.nio.file.Path;

/**
 * Which store to open and how it is configured, as {@code --store} and {@code --config} say: the
 * store directory overrides the configuration's {@code persistence.directory}; without a
 * configuration file the Go agent's defaults apply and no sink is configured.
 *
 * @param store      the store directory, or {@code null} to take it from the configuration
 * @param configFile {@code config.yaml}, or {@code null} for the defaults
 */
public record StoreLocation(Path store, Path configFile) {
    public StoreLocation {
        if (store == null && configFile == null) {
            throw new IllegalArgumentException("a store needs a directory or a configuration file naming one");
        }
    }

    /**
     * The directory that opens: the store directory when given, else the configuration file's
     * {@code persistence.directory} (which reads the file), so what is shown before the open is
     * the store the open then takes.
     *
     * @throws ConfigException naming the file when it cannot be read
     */
    public Path directory() {
        return store != null ? store : ConfigFile.load(configFile).persistence().directory();
    }

    /** A store directory with the Go defaults and no sinks (a browsing copy, a test). */
    public static StoreLocation of(Path store) {
        return new StoreLocation(store, null);
    }
}
