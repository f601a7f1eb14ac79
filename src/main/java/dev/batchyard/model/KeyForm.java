package dev.batchyard.model;

import java.util.Objects;

/**
 * How a source file spelled one key whose value is Go's zero value (or a time), when Go's
 * {@code encoding/json} would have spelled it differently. Go never writes these itself; they
 * come from files written by other tools, and keeping them is what makes a read-then-write round
 * trip give the same JSON value instead of Go's normalised one.
 *
 * <p>A form only applies while the value is still the one that was read (for times: equal to the
 * time in {@code text}; otherwise: Go's zero value). Changing the value makes the key Go's again.
 *
 * @param text for {@link Kind#TIME_TEXT}: the time exactly as written; otherwise empty
 */
public record KeyForm(Kind kind, String text) {

    public enum Kind {
        /** the key was not in the object */
        ABSENT,
        /** the key held JSON {@code null} */
        NULL,
        /** the key held an explicit empty value ({@code "" 0 [] {}}) that Go would omit */
        EMPTY,
        /** a time spelled other than Go's RFC 3339 form ({@code +00:00}, trailing zeros, ...) */
        TIME_TEXT
    }

    public static final KeyForm ABSENT = new KeyForm(Kind.ABSENT, "");
    public static final KeyForm NULL = new KeyForm(Kind.NULL, "");
    public static final KeyForm EMPTY = new KeyForm(Kind.EMPTY, "");

    public KeyForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if ((kind == Kind.TIME_TEXT) == text.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " key form cannot have text '" + text + "'");
        }
    }

    public static KeyForm timeText(String text) {
        return new KeyForm(Kind.TIME_TEXT, text);
    }
}
