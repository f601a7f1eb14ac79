package dev.batchyard.cli;

import java.util.Locale;

/**
 * Text from outside (an id as typed, a Go file's name, what a Go file holds) made safe for one
 * terminal line: control characters, line separators and invisible formatting characters (bidi
 * overrides, zero-width) are shown as Java-style escapes (backslash, u, four hex digits), so a
 * hostile name can neither break the one-line-per-item report nor send escape sequences to the
 * operator's terminal. JSON output needs none of this: JSON escapes them itself.
 */
final class Printable {
    private Printable() {
    }

    static String of(String text) {
        if (text.codePoints().noneMatch(Printable::hidden)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (hidden(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
