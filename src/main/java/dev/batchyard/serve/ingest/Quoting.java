package dev.batchyard.serve.ingest;

/**
 * A piece of a client's body as it may appear in an error message: quoted, at most
 * {@value #MAX} characters, control and invisible characters escaped as <code>&#92;uXXXX</code>, so an
 * answer or a log line never carries a terminal escape or a forged line break from the body.
 */
final class Quoting {
    static final int MAX = 80;

    private Quoting() {
    }

    static String shortly(String text) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int k = 0; k < text.length() && shown < MAX; k++, shown++) {
            char c = text.charAt(k);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('\'');
        if (text.length() > MAX) {
            out.append(" (").append(text.length() - MAX).append(" more characters)");
        }
        return out.toString();
    }
}
