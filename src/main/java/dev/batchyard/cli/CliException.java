package dev.batchyard.cli;

/**
 * An operation that failed in a way the operator can act on: printed as one line (in the
 * operator's language), then the English detail if there is one, exit code 1.
 */
public final class CliException extends RuntimeException {
    private final String detail;

    public CliException(String message) {
        this(message, "", null);
    }

    public CliException(String message, Throwable cause) {
        this(message, "", cause);
    }

    /** @param detail a second line, e.g. a config key's allowed values in English; empty for none */
    public CliException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
