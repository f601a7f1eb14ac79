package dev.batchyard.codec;

/**
 * Strings holding half a surrogate pair (an emoji cut by a substring). UTF-8, and so Smile,
 * cannot represent them, and Java's UTF-16 encoder replaces them; the store keeps such a string as
 * its raw UTF-16 code units instead, so it still decodes equal.
 */
public final class LoneSurrogates {
    private LoneSurrogates() {
    }

    /** Big-endian UTF-16 code units, by hand: Java's UTF-16 encoder replaces lone surrogates. */
    public static byte[] toCodeUnits(String s) {
        byte[] b = new byte[s.length() * 2];
        for (int i = 0; i < s.length(); i++) {
            b[2 * i] = (byte) (s.charAt(i) >> 8);
            b[2 * i + 1] = (byte) s.charAt(i);
        }
        return b;
    }

    public static String fromCodeUnits(byte[] b) {
        if (b.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of bytes (" + b.length + ") for UTF-16 code units");
        }
        char[] c = new char[b.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = (char) (((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff));
        }
        return new String(c);
    }

    /** Whether {@code s} holds a surrogate that is not half of a well-formed pair. */
    public static boolean in(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }
}
