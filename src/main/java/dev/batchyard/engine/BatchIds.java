package dev.batchyard.engine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a batch id may be. Ids travel into file names ({@code batch_<id>.json} on export), URLs and
 * logs, so they are held to a conservative alphabet: the Go agent's UUIDs and
 * {@code batch-<unix nanos>} ids fit, path separators, dots-only names, control characters and
 * look-alike Unicode do not.
 */
public final class BatchIds {
    public static final int MAX_LENGTH = 200;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    private BatchIds() {
    }

    /** Returns {@code id} if valid, else throws naming the problem. */
    public static String require(String id) {
        String problem = problem(id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return id;
    }

    /** Why {@code id} is not a valid batch id, or null if it is. */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "batch id is empty";
        }
        if (id.length() > MAX_LENGTH) {
            return "batch id is " + id.length() + " characters long, at most " + MAX_LENGTH + " are allowed";
        }
        if (!ALLOWED.matcher(id).matches()) {
            return "batch id '" + printable(id) + "' may only contain ASCII letters, digits and . _ : - "
                    + "(and must start with a letter or digit)";
        }
        return null;
    }

    private static String printable(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp > 0x7E) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
