package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers as Go's {@code encoding/json} writes them: a {@code float64} in its shortest
 * round-tripping digits, plain for 1e-6 <= |x| < 1e21, else {@code 1e+21} / {@code 1.5e-7}.
 * Whole numbers read from JSON are kept exactly ({@link Long}, {@link BigInteger}), fractions as
 * {@link BigDecimal}, so what Go wrote comes back digit for digit.
 */
final class GoNumbers {
    private static final BigDecimal SMALL = new BigDecimal("1e-6");
    private static final BigDecimal LARGE = new BigDecimal("1e21");

    private GoNumbers() {
    }

    /** @throws IllegalArgumentException for NaN and infinities, which Go cannot write either */
    static String format(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal d) {
            return format(d);
        }
        return format(n.doubleValue());
    }

    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("Go's encoding/json cannot write the number " + d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        // Jackson's Schubfach writer gives the shortest digits that read back as d, which is what
        // Go's strconv.FormatFloat(d, 'g', -1, 64) picks; JDK 17's Double.toString sometimes adds one.
        return format(new BigDecimal(NumberOutput.toString(d, true)));
    }

    static String format(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        BigDecimal s = d.stripTrailingZeros();
        BigDecimal abs = s.abs();
        if (abs.compareTo(SMALL) >= 0 && abs.compareTo(LARGE) < 0) {
            return s.toPlainString();
        }
        String digits = s.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - s.scale();
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (s.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        return sb.toString();
    }
}
