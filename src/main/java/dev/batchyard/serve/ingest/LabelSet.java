package dev.batchyard.serve.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A stream's labels as Loki's protobuf push carries them: the Prometheus text form
 * {@code {job="api", level="info"}}, each value a Go double-quoted string (Promtail and Alloy write
 * it with Go's {@code strconv.Quote}, so {@code \n}, {@code \"}, {@code \x7f}, <code>&#92;u00e9</code> and
 * the rest may appear). Label names follow Loki's rule ({@link #NAME}); a name given twice is
 * refused, as Loki refuses it. Stateless.
 */
final class LabelSet {
    /** What Loki takes as a label name. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String text;
    private final String where;
    private int i;

    private LabelSet(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /** @param where the place in the request, for errors ({@code streams[3].labels}) */
    static Map<String, String> parse(String text, String where) {
        return new LabelSet(text, where).labels();
    }

    private Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        space();
        expect('{');
        space();
        if (peek() == '}') {
            i++;
        } else {
            while (true) {
                String name = name();
                space();
                expect('=');
                space();
                String value = quoted();
                if (out.put(name, value) != null) {
                    throw bad("label " + name + " is given twice");
                }
                space();
                if (peek() == ',') {
                    i++;
                    space();
                    if (peek() == '}') { // Prometheus allows a trailing comma
                        i++;
                        break;
                    }
                    continue;
                }
                expect('}');
                break;
            }
        }
        space();
        if (i != text.length()) {
            throw bad("unexpected text after the closing }");
        }
        return out;
    }

    private String name() {
        int from = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        String name = text.substring(from, i);
        if (!NAME.matcher(name).matches()) {
            throw bad(name.isEmpty() ? "a label name is missing" : "'" + name + "' is not a label name"
                    + " (letters, digits and _, not starting with a digit)");
        }
        return name;
    }

    /** A Go interpreted string literal; {@code \x} and octal escapes are bytes of UTF-8. */
    private String quoted() {
        expect('"');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        while (true) {
            if (i >= text.length()) {
                throw bad("a label value is not closed with \"");
            }
            char c = text.charAt(i++);
            if (c == '"') {
                flush(run, bytes);
                return bytes.toString(StandardCharsets.UTF_8);
            }
            if (c == '\n') {
                throw bad("a label value holds a raw line break");
            }
            if (c != '\\') {
                run.append(c);
                continue;
            }
            if (i >= text.length()) {
                throw bad("a label value ends in a lone \\");
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'a' -> run.append('\u0007');
                case 'b' -> run.append('\b');
                case 'f' -> run.append('\f');
                case 'n' -> run.append('\n');
                case 'r' -> run.append('\r');
                case 't' -> run.append('\t');
                case 'v' -> run.append('\u000B');
                case '\\', '"', '\'' -> run.append(e);
                case 'x' -> {
                    flush(run, bytes);
                    bytes.write(hex(2));
                }
                case 'u' -> run.appendCodePoint(codePoint(hex(4)));
                case 'U' -> run.appendCodePoint(codePoint(hex(8)));
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    flush(run, bytes);
                    bytes.write(octal(e));
                }
                default -> throw bad("unknown escape \\" + e + " in a label value");
            }
        }
    }

    private static void flush(StringBuilder run, ByteArrayOutputStream bytes) {
        if (run.length() > 0) {
            bytes.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
            run.setLength(0);
        }
    }

    private int hex(int digits) {
        if (i + digits > text.length()) {
            throw bad("an escape is cut short");
        }
        long v = 0;
        for (int k = 0; k < digits; k++) {
            int d = Character.digit(text.charAt(i++), 16);
            if (d < 0) {
                throw bad("an escape holds a character that is not a hex digit");
            }
            v = v * 16 + d;
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    private int octal(char first) {
        if (i + 2 > text.length()) {
            throw bad("an octal escape is cut short");
        }
        int v = first - '0';
        for (int k = 0; k < 2; k++) {
            int d = Character.digit(text.charAt(i++), 8);
            if (d < 0) {
                throw bad("an octal escape holds a character that is not an octal digit");
            }
            v = v * 8 + d;
        }
        if (v > 255) {
            throw bad("an octal escape is over \\377");
        }
        return v;
    }

    private int codePoint(int v) {
        if (v > Character.MAX_CODE_POINT || (v >= 0xD800 && v <= 0xDFFF)) {
            throw bad(String.format("\\u escape U+%X is not a Unicode character", v));
        }
        return v;
    }

    private void space() {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
    }

    private char peek() {
        return i < text.length() ? text.charAt(i) : 0;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw bad(i >= text.length() ? "expected " + c + " but the labels end" : "expected " + c + " at character " + (i + 1));
        }
        i++;
    }

    private MalformedBodyException bad(String what) {
        return new MalformedBodyException(where + ": " + what + " in " + Quoting.shortly(text));
    }
}
