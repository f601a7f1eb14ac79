package dev.batchyard.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --store} and {@code --config}, taken by every command. */
public final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", descriptionKey = "option.store")
    Path store;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "option.config")
    Path config;

    public Path store() {
        return store;
    }

    public Path config() {
        return config;
    }
}
