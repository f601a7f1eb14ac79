package dev.batchyard.serve.admin;

import dev.batchyard.console.BatchOrder;
import dev.batchyard.console.PageRequest;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Paging and order as the admin API takes them in a query string:
 * <ul>
 *   <li>{@code order}: {@code created} (the default), {@code id}, {@code sink}, {@code state},
 *       {@code retries}, {@code entries}, {@code size} or {@code next_attempt}; a leading
 *       {@code -} for descending ({@code -retries});</li>
 *   <li>{@code limit}: rows per page, 1 or more; more than {@value #MAX_LIMIT} gets
 *       {@value #MAX_LIMIT} (the console contract lets a server cap its pages);
 *       {@value #DEFAULT_LIMIT} when not given;</li>
 *   <li>{@code cursor}: the {@code next_cursor} of the page before, as it came;</li>
 *   <li>{@code offset} (batches only): rows to skip, after the cursor if one is given, 0 when not
 *       given: a table's scrollbar asks for "rows k to k + n" with it.</li>
 * </ul>
 */
final class PageParameters {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final String ORDERS = Arrays.stream(BatchOrder.Field.values()).map(PageParameters::name)
            .collect(Collectors.joining(", "));

    private PageParameters() {
    }

    static BatchOrder order(String text) {
        if (text == null || text.isBlank()) {
            return BatchOrder.OLDEST_FIRST;
        }
        String t = text.strip();
        boolean descending = t.startsWith("-");
        String field = descending ? t.substring(1) : t;
        for (BatchOrder.Field f : BatchOrder.Field.values()) {
            if (name(f).equals(field.toLowerCase(Locale.ROOT))) {
                return new BatchOrder(f, descending ? BatchOrder.Direction.DESCENDING : BatchOrder.Direction.ASCENDING);
            }
        }
        throw new BadParameterException("order", text, "is not an order; allowed: " + ORDERS
                + ", each with a leading - for descending");
    }

    /** @param values a parameter's value by name, null when not given */
    static PageRequest page(Function<String, String> values) {
        String limitText = values.apply("limit");
        int limit = limitText == null || limitText.isBlank() ? DEFAULT_LIMIT
                : Math.min(MAX_LIMIT, Numbers.wholeNumber("limit", limitText, 1, Integer.MAX_VALUE));
        String cursor = values.apply("cursor");
        if (cursor == null || cursor.isEmpty()) {
            return PageRequest.first(limit);
        }
        if (cursor.length() > PageRequest.MAX_CURSOR_LENGTH) {
            throw new BadParameterException("cursor", cursor, "is not a cursor this server made: use a page's"
                    + " next_cursor as it came");
        }
        return PageRequest.after(cursor, limit);
    }

    /** As {@link #page}, with the {@code offset} a page of batches may also take. */
    static PageRequest batchPage(Function<String, String> values) {
        PageRequest page = page(values);
        String offsetText = values.apply("offset");
        if (offsetText == null || offsetText.isBlank()) {
            return page;
        }
        return new PageRequest(page.cursor(), page.limit(), Numbers.wholeNumber("offset", offsetText, 0, Integer.MAX_VALUE));
    }

    static String name(BatchOrder.Field field) {
        return field.name().toLowerCase(Locale.ROOT);
    }
}
