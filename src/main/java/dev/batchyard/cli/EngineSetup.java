package dev.batchyard.cli;

import java.nio.file.Path;

/**
 * Turns {@code --store} and {@code --config} into {@link EngineSettings}. The production one
 * reads {@code config.yaml}; tests hand in their own sinks.
 */
@FunctionalInterface
public interface EngineSetup {

    /**
     * @param store      the {@code --store} directory, or {@code null} to take it from the config
     * @param configFile the {@code --config} file, or {@code null} for the Go defaults and no sinks
     */
    EngineSettings load(Path store, Path configFile);
}
