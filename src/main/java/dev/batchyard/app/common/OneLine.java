package dev.batchyard.app.common;

import java.util.Locale;

/**
 * Text from elsewhere made fit for one line (a table cell, a log line): line breaks, tabs, escape
 * sequences and other control characters are shown as their JSON escapes ({@code \n},
 * {@code \u001b}) instead of being obeyed. A dead-letter file, a remote server's error or an
 * exception's message is not the operator's and may hold anything: a newline in it would otherwise
 * forge a second log line, an escape sequence repaint the terminal that tails the log.
 */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escape = escape(c);
            if (escape != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    private static String escape(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            default:
                boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
                return control ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
        }
    }
}
