package dev.batchyard.sink;

import java.util.Objects;

/**
 * A password, token or header value from the config. It prints as {@code ****} so it cannot leak
 * through {@code toString()}, logs, events or exception messages by accident; only the code that
 * puts it on the wire calls {@link #reveal()}.
 *
 * <p>{@link #problem} and {@link #headerProblem} are the checks made when the config is loaded, so
 * that a credential the HTTP client would refuse (whose value the JDK then quotes in its
 * exception) never gets as far as a request. Their answers never quote the value.
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

    /**
     * Why {@code value} cannot be a credential, or {@code null}: it must be text on one line, with
     * no control characters (line breaks, tabs, escape sequences, DEL, C1 controls).
     */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "holds a control character (U+%04X) at position %d; a credential is one line of printable text"
                        .formatted((int) c, i + 1);
            }
        }
        return null;
    }

    /**
     * Why {@code value} cannot be sent as (part of) an HTTP header, or {@code null}: as
     * {@link #problem}, and only Latin-1 characters (what HTTP/1.1 header text can carry), with no
     * space at either end (a server would strip it and the credential would not match).
     */
    public static String headerProblem(String value) {
        String p = problem(value);
        if (p != null) {
            return p;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return "holds a character HTTP headers cannot carry (U+%04X, beyond Latin-1) at position %d"
                        .formatted((int) value.charAt(i), i + 1);
            }
        }
        if (!value.equals(value.strip())) {
            return "starts or ends with white space";
        }
        return null;
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
