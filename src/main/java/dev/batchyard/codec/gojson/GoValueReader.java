package dev.batchyard.codec.gojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.batchyard.codec.LoneSurrogates;
import dev.batchyard.model.GoKeyOrder;
import dev.batchyard.model.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads any JSON value exactly: whole numbers as {@link Long} (or {@code BigInteger}), other
 * numbers as the {@code Double} Go wrote or else as a {@code BigDecimal} with their digits, objects sorted in Go's order when Go holds them
 * in a map, in their own order otherwise. Works for JSON and Smile parsers alike.
 */
public final class GoValueReader {
    private GoValueReader() {
    }

    public static Object read(JsonParser p, boolean sortObjects) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw JsonShapeException.at(p, "expected a value, found the end of the input");
        }
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (isNegativeZero(p)) {
                    return -0.0d;
                }
                switch (p.getNumberType()) {
                    case INT:
                    case LONG:
                        return p.getLongValue();
                    default:
                        return JsonValues.value(p.getBigIntegerValue(), sortObjects);
                }
            case VALUE_NUMBER_FLOAT:
                return floatValue(p);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                // only the store's binary form has these: a string with a lone surrogate
                return LoneSurrogates.fromCodeUnits(p.getBinaryValue());
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, sortObjects));
                }
                return JsonValues.adopt(list, sortObjects);
            }
            case START_OBJECT: {
                Map<String, Object> map = sortObjects ? new TreeMap<>(GoKeyOrder.INSTANCE) : new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, read(p, sortObjects));
                }
                return JsonValues.adopt(map, sortObjects);
            }
            default:
                throw JsonShapeException.at(p, "expected a value, found " + t);
        }
    }

    private static Object floatValue(JsonParser p) throws IOException {
        switch (p.getNumberTypeFP()) {
            case DOUBLE64:
                return p.getDoubleValue(); // Smile's binary doubles are exact as they are
            case FLOAT32:
                return JsonValues.value(p.getFloatValue(), false);
            default:
                return textFloat(p);
        }
    }

    /**
     * {@code -0} in JSON text: Go's decoder makes it a float64 negative zero, which its encoder writes
     * as {@code -0}; as a {@code Long} it would come back as {@code 0}. (A binary form's whole zero
     * has no sign: its text is {@code 0}.)
     */
    private static boolean isNegativeZero(JsonParser p) throws IOException {
        return p.getTextLength() == 2 && "-0".equals(p.getText());
    }

    /**
     * Text as Go writes a {@code float64} (its shortest digits) becomes that {@link Double}; any
     * other spelling ({@code 1.50}, more digits than a double holds) stays an exact {@link BigDecimal}.
     */
    private static Object textFloat(JsonParser p) throws IOException {
        String text = p.getText();
        double d = p.getDoubleValue();
        if (d == 0 && text.startsWith("-")) {
            return -0.0d; // -0.0, -0e5: Go reads a float64 negative zero and writes it back as -0
        }
        if (!Double.isInfinite(d) && GoNumbers.format(d).equals(text)) {
            return d;
        }
        return p.getDecimalValue();
    }
}
