package dev.batchyard.sink;

import java.util.Objects;

/**
 * A password, token or header value from the config. It prints as {@code ****} so it cannot leak
 * through {@code toString()}, logs, events or exception messages by accident; only the code that
 * puts it on the wire calls {@link #reveal()}.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** {@code text} with every occurrence of this secret replaced by {@code ****}. */
    public String redactFrom(String text) {
        return value.isEmpty() || text == null ? text : text.replace(value, "****");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value.isEmpty() ? "" : "****";
    }
}
