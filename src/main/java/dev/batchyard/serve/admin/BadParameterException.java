package dev.batchyard.serve.admin;

/**
 * A query parameter or body field the admin API cannot use: answered 400 with a message that names
 * the parameter, the value given and what is allowed.
 */
public final class BadParameterException extends IllegalArgumentException {
    public BadParameterException(String parameter, String given, String allowed) {
        super(parameter + ": " + (given == null ? "missing" : "'" + shown(given) + "'") + " " + allowed);
    }

    private static String shown(String given) {
        String cut = given.length() > 80 ? given.substring(0, 80) + "…" : given;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
