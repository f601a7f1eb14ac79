package dev.batchyard.i18n;

/**
 * A failure worded for the operator.
 *
 * @param headline what happened, in the operator's language
 * @param detail   the exception's own English text when the headline does not already say all of
 *                 it (it names the file, offset or key); empty otherwise
 */
public record FailureText(String headline, String detail) {
    public FailureText {
        detail = detail == null ? "" : detail;
    }

    /** Headline and detail on one line, for a status line or a table cell. */
    public String oneLine() {
        return detail.isEmpty() ? headline : headline + " " + detail;
    }
}
