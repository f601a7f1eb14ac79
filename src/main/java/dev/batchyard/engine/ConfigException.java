package dev.batchyard.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A configuration value that cannot be used: names the file (once known), the key, the value and
 * what is allowed. The parts are kept apart so that the app and the CLI can word the headline in
 * the operator's language; {@code allowed} stays English.
 */
public final class ConfigException extends RuntimeException {
    private final String key;
    private final String value;
    private final String allowed;
    private final Path file;
    private final String problem;

    public ConfigException(String key, String value, String allowed) {
        super(key + ": '" + value + "' " + allowed);
        this.key = key;
        this.value = value;
        this.allowed = allowed;
        this.file = null;
        this.problem = getMessage();
    }

    /** A problem with the file as a whole (unreadable, not YAML): no key. */
    public ConfigException(String message) {
        super(message);
        this.key = "";
        this.value = "";
        this.allowed = "";
        this.file = null;
        this.problem = message;
    }

    private ConfigException(ConfigException found, Path file) {
        super(file + ": " + found.getMessage(), found);
        this.key = found.key;
        this.value = found.value;
        this.allowed = found.allowed;
        this.file = file;
        this.problem = found.problem;
    }

    /** The same error as found in {@code file}: same parts, the message led by the file's path. */
    public ConfigException inFile(Path file) {
        return new ConfigException(this, file);
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

    /** What is wrong, without the file: e.g. {@code line 3, column 1: not valid YAML: ...}. */
    public String problem() {
        return problem;
    }

    /** The configuration file, when the error was found in one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
