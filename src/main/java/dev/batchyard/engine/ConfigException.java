package dev.batchyard.engine;

/**
 * A configuration value that cannot be used: names the key, the value and what is allowed. The
 * parts are kept apart so that the app and the CLI can word the headline in the operator's
 * language; {@code allowed} stays English.
 */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final String value;
    private final String allowed;

    public ConfigException(String key, String value, String allowed) {
        super(key + ": '" + value + "' " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    /** A problem with the file as a whole (unreadable, not YAML): no key. */
    public ConfigException(String message) {
        super(message);
        this.key = "";
        this.value = "";
        this.allowed = "";
    }

    /** The key, e.g. {@code persistence.batch_timeout}; empty for a problem with the whole file. */
    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** What the key takes, in English, e.g. {@code must be a Go duration such as 30s}. */
    public String allowed() {
        return allowed;
    }
}
