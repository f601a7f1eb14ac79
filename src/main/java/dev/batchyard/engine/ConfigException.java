package dev.batchyard.engine;

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

    public String key() {
        return key;
    }
}
