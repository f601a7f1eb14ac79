package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * String escaping exactly as Go 1.19's {@code encoding/json}: quote, backslash, newline, return and
 * tab get their short escapes; every other control character (also backspace and form feed, which
 * Go before 1.22 did not shorten), {@code < > &} (HTML-safe) and U+2028/U+2029 get a six-character
 * backslash-u escape with lower-case hex; all other text is raw UTF-8. One deliberate difference:
 * a Java string with a lone surrogate (Go, working on UTF-8, would write U+FFFD) is written as its
 * escape, so reading it back gives the same string.
 */
final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;

    private final int[] ascii;
    private final SerializedString[] asciiSequences = new SerializedString[128];
    private final SerializedString lineSeparator = new SerializedString("\\u2028");
    private final SerializedString paragraphSeparator = new SerializedString("\\u2029");

    GoEscapes() {
        ascii = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\n' && c != '\r' && c != '\t') {
                custom(c);
            }
        }
        custom('<');
        custom('>');
        custom('&');
    }

    private void custom(int c) {
        ascii[c] = ESCAPE_CUSTOM;
        asciiSequences[c] = new SerializedString(String.format(Locale.ROOT, "\\u%04x", c));
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 128) {
            return asciiSequences[ch];
        }
        if (ch == 0x2028) {
            return lineSeparator;
        }
        return ch == 0x2029 ? paragraphSeparator : null;
    }
}
