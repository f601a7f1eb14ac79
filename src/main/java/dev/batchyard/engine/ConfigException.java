package dev.batchyard.engine;

import java.nio.file.Path;

/** A configuration value that cannot be used: names the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String value, String allowed) {
        super(key + ": '" + value + "' " + allowed);
        this.key = key;
    }

    public ConfigException(String message) {
        super(message);
        this.key = "";
    }

    private ConfigException(String key, String message, ConfigException cause) {
        super(message, cause);
        this.key = key;
    }

    /** The same error as found in {@code file}: same key, the message led by the file's path. */
    public ConfigException inFile(Path file) {
        return new ConfigException(key, file + ": " + getMessage(), this);
    }

    public String key() {
        return key;
    }
}
