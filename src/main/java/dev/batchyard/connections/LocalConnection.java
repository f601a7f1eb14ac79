package dev.batchyard.connections;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A store directory on this machine, opened in-process, with the config file its sinks are read
 * from when it is not the store's own.
 *
 * @param store  the store directory, absolute
 * @param config the {@code config.yaml} to use, absolute; empty for the store's default
 */
public record LocalConnection(String name, Environment environment, Path store, Optional<Path> config)
        implements Connection {

    public LocalConnection {
        name = ConnectionNames.check(name);
        Objects.requireNonNull(environment, "environment");
        store = Paths.absolute(store, "store");
        config = Objects.requireNonNull(config, "config").map(c -> Paths.absolute(c, "config"));
    }

    @Override
    public LocalConnection renamed(String newName) {
        return new LocalConnection(newName, environment, store, config);
    }
}
