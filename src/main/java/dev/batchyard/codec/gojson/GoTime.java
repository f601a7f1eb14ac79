package dev.batchyard.codec.gojson;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Go's {@code time.Time} JSON form: RFC 3339 with up to nine fractional digits, trailing zeros
 * trimmed, the offset kept ({@code Z} for a zero offset). Written by hand because it is on the
 * export path for every entry and {@code DateTimeFormatter} is several times slower.
 */
public final class GoTime {
    /** Go's zero {@code time.Time}, written as {@code 0001-01-01T00:00:00Z}. */
    public static final OffsetDateTime ZERO = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private GoTime() {
    }

    /** A parsed time and whether Go would write it back with exactly the same text. */
    public record Parsed(OffsetDateTime time, boolean canonical) {
    }

    /** Go's text for {@code t}; {@code null} stands for the zero time. */
    public static String format(OffsetDateTime t) {
        if (t == null) {
            t = ZERO;
        }
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            // Go refuses these too: "Time.MarshalJSON: year outside of range [0,9999]"
            throw new IllegalArgumentException("time " + t + ": year outside of range [0,9999]");
        }
        StringBuilder sb = new StringBuilder(35);
        pad(sb, year, 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append('T');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            sb.append('.');
            pad(sb, nano, digits);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            sb.append('Z');
        } else {
            // Go's "Z07:00" has no seconds field: an offset's seconds are dropped, as Go drops them
            sb.append(offset < 0 ? '-' : '+');
            int abs = Math.abs(offset);
            pad(sb, abs / 3600, 2).append(':');
            pad(sb, abs / 60 % 60, 2);
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException naming the text when it is not an RFC 3339 time */
    public static Parsed parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw notATime(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int i = 19;
        int nano = 0;
        boolean canonical = true;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int len = i - start;
            if (len == 0 || len > 9) {
                throw notATime(s);
            }
            nano = digits(s, start, len);
            canonical = s.charAt(i - 1) != '0';
            for (int k = len; k < 9; k++) {
                nano *= 10;
            }
        }
        if (i >= n) {
            throw notATime(s);
        }
        int offsetSeconds;
        char c = s.charAt(i);
        if (c == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((c == '+' || c == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int hh = digits(s, i + 1, 2);
            int mm = digits(s, i + 4, 2);
            if (hh > 23 || mm > 59) {
                throw notATime(s);
            }
            offsetSeconds = (c == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
            canonical &= offsetSeconds != 0;
        } else {
            throw notATime(s);
        }
        try {
            OffsetDateTime t = OffsetDateTime.of(year, month, day, hour, minute, second, nano,
                    ZoneOffset.ofTotalSeconds(offsetSeconds));
            return new Parsed(t, canonical);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an RFC 3339 time: '" + s + "' (" + e.getMessage() + ")", e);
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notATime(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String d = Integer.toString(v);
        for (int k = d.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(d);
    }

    private static IllegalArgumentException notATime(String s) {
        return new IllegalArgumentException("not an RFC 3339 time: '" + s + "'");
    }
}
