package dev.batchyard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Entry indexes as an operator writes them: {@code 3,5-9} (from 0, ascending ranges). */
public final class IndexRanges {
    /** More indexes than any batch the store takes has entries: a range past it is a typing mistake. */
    private static final int MAX_INDEXES = 10_000_000;

    private IndexRanges() {
    }

    /**
     * The indexes {@code text} names, ascending, each once.
     *
     * @throws IllegalArgumentException naming the part that is not a number, a range or in order
     */
    public static List<Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no entry indexes given (write them as 3,5-9, counting from 0)");
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
                if (from < 0 || to < from) {
                    throw new IllegalArgumentException("'" + p + "' is not an entry index or a range from a lower"
                            + " to a higher one (entries count from 0)");
                }
                if ((long) to - from + out.size() > MAX_INDEXES) {
                    throw new IllegalArgumentException("'" + p + "' names more entries than a batch holds");
                }
                for (int i = from; i <= to; i++) {
                    out.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not an entry index or a range such as 5-9", e);
            }
        }
        return List.copyOf(out);
    }

    /** {@code [3, 5, 6, 7, 8, 9]} as {@code 3,5-9}; the indexes must be ascending. */
    public static String format(List<Integer> indexes) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < indexes.size()) {
            int start = indexes.get(i);
            int end = start;
            while (i + 1 < indexes.size() && indexes.get(i + 1) == end + 1) {
                end = indexes.get(++i);
            }
            parts.add(start == end ? Integer.toString(start) : String.format(Locale.ROOT, "%d-%d", start, end));
            i++;
        }
        return String.join(",", parts);
    }
}
