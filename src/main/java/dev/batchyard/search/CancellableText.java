package dev.batchyard.search;

import java.util.function.BooleanSupplier;

/**
 * A value as a regular expression reads it, checking now and then whether the search was
 * cancelled: a hostile expression ({@code (.*a){20}$} on a line of forty a's) can backtrack for hours, and
 * {@link java.util.regex.Matcher} cannot be interrupted otherwise. Throws {@link SearchCancelledException}
 * from {@link #charAt} once cancelled.
 */
final class CancellableText implements CharSequence {
    private static final int CHECK_EVERY = 1 << 14;
    private final CharSequence text;
    private final BooleanSupplier cancelled;
    private int reads;

    CancellableText(CharSequence text, BooleanSupplier cancelled) {
        this.text = text;
        this.cancelled = cancelled;
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new SearchCancelledException();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new CancellableText(text.subSequence(start, end), cancelled);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
