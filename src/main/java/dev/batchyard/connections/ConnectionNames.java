package dev.batchyard.connections;

/** The rules for a connection's name, and how to quote a value in a message. Stateless. */
final class ConnectionNames {
    static final int MAX_LENGTH = 64;

    private ConnectionNames() {
    }

    /**
     * {@code name} stripped, when it is one a person can read and pick from a list.
     *
     * @throws IllegalArgumentException for an empty name, one over {@value #MAX_LENGTH} characters,
     *                                  or one with a control character (a newline would split the
     *                                  name in every list and log line that shows it)
     */
    static String check(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("a connection needs a name");
        }
        if (stripped.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the name '" + printable(stripped.substring(0, MAX_LENGTH))
                    + "…' is over " + MAX_LENGTH + " characters");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the name '" + printable(stripped) + "' has a control character");
        }
        return stripped;
    }

    /** {@code value} with control characters shown as {@code \n}, {@code \t} or {@code \\uXXXX}, for a message. */
    static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }
}
