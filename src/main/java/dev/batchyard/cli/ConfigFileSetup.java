package dev.batchyard.cli;

import dev.batchyard.engine.PersistenceConfig;
import java.nio.file.Path;

/** The production {@link EngineSetup}: the Go defaults, or {@code config.yaml} when given. */
final class ConfigFileSetup implements EngineSetup {
    @Override
    public EngineSettings load(Path store, Path configFile) {
        if (configFile != null) {
            // config.yaml (dev.batchyard.config) and the sinks section (dev.batchyard.sink) are wired
            // once those packages are on main
            throw new CliException("--config " + configFile + ": reading config.yaml is not available in this build yet");
        }
        return EngineSettings.withoutSinks(PersistenceConfig.defaults(store));
    }
}
