package dev.batchyard.cli;

import java.util.Locale;

/**
 * Text from outside (an id as typed, a Go file's name, what a Go file or the store holds, a
 * failure reason) made safe for one terminal line: control characters (C0, DEL, C1), line
 * separators and invisible formatting characters (bidi overrides, zero-width) are shown as
 * Java-style escapes (backslash, u, four hex digits; a character beyond U+FFFF as its two UTF-16
 * halves), so a hostile value can neither break the one-line-per-item output nor send escape
 * sequences to the operator's terminal.
 *
 * <p>Every human-readable line the CLI prints from such text goes through here ({@link Table}
 * does it for every cell). The JSON output does too: JSON escapes C0 itself but not DEL, C1 or
 * the invisible characters, and these escapes are valid JSON for the same string, so the values
 * read back unchanged.
 */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        return escaped(text, false);
    }

    /**
     * JSON text made safe the same way. Its line breaks and tabs stay: outside strings they are
     * the layout, and inside strings JSON has escaped them already.
     */
    static String json(String jsonText) {
        return escaped(jsonText, true);
    }

    private static String escaped(String text, boolean keepLayout) {
        if (text.codePoints().noneMatch(cp -> hidden(cp, keepLayout))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (hidden(cp, keepLayout)) {
                for (char c : Character.toChars(cp)) {
                    out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean hidden(int cp, boolean keepLayout) {
        if (keepLayout && (cp == '\n' || cp == '\r' || cp == '\t')) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
