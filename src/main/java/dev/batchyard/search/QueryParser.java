package dev.batchyard.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@link EntryQuery}'s language into terms, left to right; one instance per query. */
final class QueryParser {
    private final String text;
    private final boolean regexTerms;
    private int at;

    QueryParser(String text, boolean regexTerms) {
        this.text = text;
        this.regexTerms = regexTerms;
    }

    List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= text.length()) {
                return terms;
            }
            if (terms.size() == EntryQuery.MAX_TERMS) {
                throw new EntryQueryException("more than " + EntryQuery.MAX_TERMS + " terms", at + 1);
            }
            terms.add(term());
        }
    }

    private Term term() {
        if (text.charAt(at) == '-' && at + 1 < text.length() && !Character.isWhitespace(text.charAt(at + 1))) {
            at++;
            return new Term.Not(positive());
        }
        return positive();
    }

    private Term positive() {
        int start = at;
        char c = text.charAt(at);
        if (c == '"') {
            return new Term.AnyValue(text(quoted()));
        }
        if (c == '/') {
            return new Term.AnyValue(regex(delimitedRegex(), start));
        }
        int keyEnd = at;
        while (keyEnd < text.length() && isKeyChar(text.charAt(keyEnd))) {
            keyEnd++;
        }
        if (keyEnd > at && keyEnd < text.length() && (text.charAt(keyEnd) == ':' || text.charAt(keyEnd) == '=')) {
            String key = text.substring(at, keyEnd);
            boolean exact = text.charAt(keyEnd) == '=';
            at = keyEnd + 1;
            return new Term.Keyed(key, value(exact, key, start));
        }
        return new Term.AnyValue(text(word()));
    }

    private ValueMatch value(boolean exact, String key, int termStart) {
        if (at >= text.length() || Character.isWhitespace(text.charAt(at))) {
            throw new EntryQueryException("'" + key + (exact ? "=" : ":") + "' needs a value after it", at + 1);
        }
        char c = text.charAt(at);
        if (c == '/') {
            return regex(delimitedRegex(), termStart);
        }
        String value = c == '"' ? quoted() : word();
        return exact ? new ValueMatch.Equals(value) : text(value);
    }

    /** A word or phrase: contains, or a regular expression when the query says every term is one. */
    private ValueMatch text(String value) {
        return regexTerms ? regex(value, at - value.length()) : new ValueMatch.Contains(value);
    }

    private ValueMatch regex(String expression, int start) {
        try {
            return new ValueMatch.Regex(Pattern.compile(expression));
        } catch (PatternSyntaxException e) {
            throw new EntryQueryException("not a regular expression: " + e.getDescription() + " in '" + expression + "'",
                    start + 1);
        }
    }

    private String word() {
        int start = at;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    /** {@code "..."} with {@code \"} and {@code \\}; the quotes are not part of the value. */
    private String quoted() {
        int open = at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && at < text.length() && (text.charAt(at) == '"' || text.charAt(at) == '\\')) {
                c = text.charAt(at++);
            }
            value.append(c);
        }
        throw new EntryQueryException("the quote opened here is never closed", open + 1);
    }

    /** {@code /.../} with {@code \/} for a slash inside; other escapes are the expression's own. */
    private String delimitedRegex() {
        int open = at++;
        StringBuilder expression = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '/') {
                if (expression.length() == 0) {
                    throw new EntryQueryException("an empty regular expression '//'", open + 1);
                }
                return expression.toString();
            }
            if (c == '\\' && at < text.length() && text.charAt(at) == '/') {
                c = text.charAt(at++);
            } else if (c == '\\' && at < text.length()) {
                expression.append(c);
                c = text.charAt(at++);
            }
            expression.append(c);
        }
        throw new EntryQueryException("the regular expression opened here is never closed with '/'", open + 1);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private static boolean isKeyChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
    }
}
