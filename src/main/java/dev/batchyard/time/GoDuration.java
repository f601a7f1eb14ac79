package dev.batchyard.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;

/**
 * Go's {@code time.ParseDuration} syntax: a sequence of decimal numbers with units, such as
 * {@code 300ms}, {@code 1.5h}, {@code 2h45m30.5s}, optionally signed; units {@code ns},
 * {@code us} ({@code µs}, {@code μs}), {@code ms}, {@code s}, {@code m}, {@code h}; a bare
 * {@code 0}. Like Go, fractions below a nanosecond are dropped and values beyond Go's
 * {@code int64} nanoseconds (about 292 years) are refused.
 */
public final class GoDuration {
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** @throws IllegalArgumentException with Go's reason when {@code text} is not a duration */
    public static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text, "is empty");
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')
                    || !number.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                throw invalid(text, "expects a number before each unit");
            }
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw invalid(text, "is missing a unit (ns, us, ms, s, m, h)");
            }
            total = total.add(new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(nanosPer(text, unit)));
        }
        BigInteger nanos = total.toBigInteger();
        if (nanos.compareTo(MAX_NANOS) > 0) {
            throw invalid(text, "is out of range (at most about 2562047h)");
        }
        Duration d = Duration.ofNanos(nanos.longValue());
        return negative ? d.negated() : d;
    }

    private static BigDecimal nanosPer(String text, String unit) {
        switch (unit) {
            case "ns": return BigDecimal.ONE;
            case "us":
            case "\u00b5s":
            case "\u03bcs": return BigDecimal.valueOf(1_000L);
            case "ms": return BigDecimal.valueOf(1_000_000L);
            case "s": return BigDecimal.valueOf(1_000_000_000L);
            case "m": return BigDecimal.valueOf(60_000_000_000L);
            case "h": return BigDecimal.valueOf(3_600_000_000_000L);
            default: throw invalid(text, "has unknown unit '" + unit + "' (ns, us, ms, s, m, h)");
        }
    }

    /** Go's own spelling ({@code 1h30m0s}), for messages and for writing a config back. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        if (d.isNegative()) {
            sb.append('-');
            d = d.negated();
        }
        long nanos = d.toNanos();
        if (nanos < 1_000_000_000L) {
            if (nanos < 1_000) {
                return sb.append(nanos).append("ns").toString();
            }
            String unit = nanos < 1_000_000 ? "µs" : "ms";
            long per = nanos < 1_000_000 ? 1_000 : 1_000_000;
            return sb.append(BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(per)).stripTrailingZeros()
                    .toPlainString()).append(unit).toString();
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        BigDecimal seconds = BigDecimal.valueOf(nanos % 60_000_000_000L, 9).stripTrailingZeros();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(seconds.signum() == 0 ? "0" : seconds.toPlainString()).append('s').toString();
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' " + why);
    }
}
