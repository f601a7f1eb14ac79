package dev.batchyard.serve.admin;

/** Whole numbers from query strings and bodies, refused by name when out of range. */
final class Numbers {
    private Numbers() {
    }

    static int wholeNumber(String parameter, String text, int min, int max) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadParameterException(parameter, text, "must be a whole number from " + min + " to " + max);
        }
        long value = Long.parseLong(t);
        if (value < min || value > max) {
            throw new BadParameterException(parameter, text, "must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }
}
