package dev.batchyard.connections;

import java.util.Locale;

/**
 * What kind of store a connection reaches, so the window can colour it and guard it: a
 * {@link #PROD} connection opens read-only until its operator unlocks changes for the session.
 */
public enum Environment {
    DEV, TEST, PROD;

    /** Whether changes wait for the operator to unlock them. */
    public boolean opensReadOnly() {
        return this == PROD;
    }

    /** The word used in the connections file: {@code dev}, {@code test} or {@code prod}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The environment a word names, ignoring case.
     *
     * @throws IllegalArgumentException naming the words that are accepted
     */
    public static Environment parse(String word) {
        for (Environment e : values()) {
            if (e.word().equalsIgnoreCase(word == null ? "" : word.strip())) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + ConnectionNames.printable(word) + "' is not an environment: use dev, test or prod");
    }
}
