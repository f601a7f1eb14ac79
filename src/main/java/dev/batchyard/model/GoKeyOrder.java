package dev.batchyard.model;

import java.util.Comparator;

/**
 * The order Go's {@code encoding/json} writes map keys in: byte order of their UTF-8 encoding,
 * which is code point order. {@link String#compareTo} is UTF-16 order and differs for characters
 * above U+FFFF against U+E000..U+FFFF, hence this comparator.
 */
public final class GoKeyOrder implements Comparator<String> {
    public static final GoKeyOrder INSTANCE = new GoKeyOrder();

    private GoKeyOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // surrogates (D800-DFFF) encode code points above every BMP character
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs != ys) {
                    return xs ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
