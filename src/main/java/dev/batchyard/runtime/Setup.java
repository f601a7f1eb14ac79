package dev.batchyard.runtime;

/**
 * Turns a {@link StoreLocation} into the {@link Settings} a store opens with. The production one
 * reads {@code config.yaml} ({@link ConfigFileSetup}); tests hand in their own settings and sinks.
 */
@FunctionalInterface
public interface Setup {

    /**
     * @param demoSinks the simulated demo sinks instead of the configured ones
     * @throws dev.batchyard.engine.ConfigException naming the file and key of a value that cannot be used
     */
    Settings load(StoreLocation where, boolean demoSinks);
}
