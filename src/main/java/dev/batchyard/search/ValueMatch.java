package dev.batchyard.search;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one value of an entry is tested: a case-insensitive "contains" ({@code timeout}), an exact
 * equality ({@code service=api}) or a regular expression ({@code /time(d )?out/}). Immutable.
 */
sealed interface ValueMatch {

    boolean test(CharSequence value);

    /** Case-insensitive substring, without lower-casing each value (no copy per entry). */
    record Contains(String needle) implements ValueMatch {
        public Contains {
            needle = needle.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean test(CharSequence value) {
            int n = needle.length();
            if (n == 0) {
                return true;
            }
            char first = needle.charAt(0);
            char firstUpper = Character.toUpperCase(first);
            for (int i = 0, last = value.length() - n; i <= last; i++) {
                char c = value.charAt(i);
                if ((c == first || c == firstUpper || Character.toLowerCase(c) == first) && rest(value, i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean rest(CharSequence value, int at) {
            for (int j = 1; j < needle.length(); j++) {
                char c = value.charAt(at + j);
                char want = needle.charAt(j);
                if (c != want && Character.toLowerCase(c) != want) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Exactly this text (case-sensitive: a label value is what it is). */
    record Equals(String expected) implements ValueMatch {
        @Override
        public boolean test(CharSequence value) {
            return expected.contentEquals(value);
        }
    }

    /** A {@link Pattern} found anywhere in the value. */
    record Regex(Pattern pattern) implements ValueMatch {
        @Override
        public boolean test(CharSequence value) {
            return pattern.matcher(value).find();
        }
    }
}
