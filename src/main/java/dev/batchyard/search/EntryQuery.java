package dev.batchyard.search;

import dev.batchyard.engine.BatchView;
import dev.batchyard.model.LogEntry;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A search through log entries, read from a line an operator types:
 * <pre>
 *   level:error service=api "connection reset" -source:healthcheck /time(d )?out/
 * </pre>
 * <ul>
 *   <li>A word or a {@code "quoted phrase"}: some value of the entry contains it, ignoring case
 *       (message, level, source, trace id, tags, label values, field values).</li>
 *   <li>{@code key:value}: the value named {@code key} contains {@code value}, ignoring case;
 *       {@code key=value}: it is exactly {@code value}. Names: see {@link EntryValues}; {@code sink},
 *       {@code batch} and {@code state} name the batch the entry is in.</li>
 *   <li>{@code /regex/}, or {@code key:/regex/}: a Java regular expression found in the value
 *       (case-sensitive; {@code (?i)} for no case). With {@code regex} on, every word and phrase is one.</li>
 *   <li>{@code -term}: entries that do not meet it. Terms are all required (AND).</li>
 * </ul>
 * Immutable and thread-safe. Bad input ({@link EntryQueryException}) names the column.
 */
public final class EntryQuery {
    /** Longer queries are refused: no operator types one, and each term costs on every entry. */
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_TERMS = 64;

    private final String text;
    private final boolean regex;
    private final List<Term> terms;

    private EntryQuery(String text, boolean regex, List<Term> terms) {
        this.text = text;
        this.regex = regex;
        this.terms = List.copyOf(terms);
    }

    /**
     * @param regexTerms whether bare words and phrases are regular expressions
     * @throws EntryQueryException naming what is wrong and where
     */
    public static EntryQuery parse(String text, boolean regexTerms) {
        if (text == null || text.isBlank()) {
            throw new EntryQueryException("empty: give at least one word, phrase or key:value", 1);
        }
        if (text.length() > MAX_LENGTH) {
            throw new EntryQueryException("longer than " + MAX_LENGTH + " characters (" + text.length() + ")",
                    MAX_LENGTH + 1);
        }
        return new EntryQuery(text, regexTerms, new QueryParser(text, regexTerms).terms());
    }

    /** The query as typed. */
    public String text() {
        return text;
    }

    public boolean regex() {
        return regex;
    }

    /** Whether {@code entry}, taken alone, matches: the batch's own keys ({@code sink}, {@code batch}) match nothing. */
    public boolean matches(LogEntry entry) {
        return matches(entry, null, () -> false);
    }

    /** Whether {@code entry} of {@code batch} matches ({@code sink:}, {@code batch:} and {@code state:} ask the batch). */
    public boolean matches(LogEntry entry, BatchView batch) {
        return matches(entry, batch, () -> false);
    }

    /** As {@link #matches(LogEntry, BatchView)}, giving up inside a regular expression once {@code cancelled} says so. */
    boolean matches(LogEntry entry, BatchView batch, BooleanSupplier cancelled) {
        EntryValues values = new EntryValues(entry, batch, cancelled);
        for (Term term : terms) {
            if (!term.test(values)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return (regex ? "regex " : "") + text;
    }
}
