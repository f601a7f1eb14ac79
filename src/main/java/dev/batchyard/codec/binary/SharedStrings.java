package dev.batchyard.codec.binary;

import java.util.Arrays;

/**
 * The encoder's table of short strings already written in one batch, numbered in the order they
 * were first written (the decoder numbers them the same way as it reads). Open addressing on the
 * strings' own (cached) hash codes; it stops taking new strings at {@value #MAX_STRINGS}, after
 * which strings are simply written out again.
 */
final class SharedStrings {
    /** Longer strings are rarely repeated (messages, stack traces) and are never shared. */
    static final int MAX_CHARS = 64;
    static final int MAX_STRINGS = 4096;
    /** A table grown past this many slots (over 1,024 strings) is not kept for the next batch. */
    private static final int KEPT_SLOTS = 2048;

    private String[] keys = new String[256];
    private int[] numbers = new int[256];
    private int count;

    /** Forgets every string, for the next batch; the table keeps its size unless a large batch grew it. */
    void clear() {
        if (keys.length > KEPT_SLOTS) {
            keys = new String[256];
            numbers = new int[256];
        } else if (count > 0) {
            Arrays.fill(keys, null);
        }
        count = 0;
    }

    /** The number of {@code s}, or -1 when it has not been shared yet. */
    int numberOf(String s) {
        int mask = keys.length - 1;
        for (int i = slot(s, mask); keys[i] != null; i = (i + 1) & mask) {
            if (keys[i].equals(s)) {
                return numbers[i];
            }
        }
        return -1;
    }

    /** Shares {@code s} (not yet shared) under the next number; false when the table is full. */
    boolean add(String s) {
        if (count == MAX_STRINGS) {
            return false;
        }
        if (2 * (count + 1) > keys.length) {
            grow();
        }
        put(s, count++);
        return true;
    }

    private void put(String s, int number) {
        int mask = keys.length - 1;
        int i = slot(s, mask);
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = s;
        numbers[i] = number;
    }

    /** Spreads the high bits of the hash into the low ones the mask keeps. */
    private static int slot(String s, int mask) {
        int h = s.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldNumbers = numbers;
        keys = new String[oldKeys.length * 2];
        numbers = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldNumbers[i]);
            }
        }
    }
}
