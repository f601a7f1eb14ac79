package dev.batchyard.serve.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSetTest {

    @Test
    void readsThePrometheusTextForm() {
        assertEquals(Map.of("job", "api", "env", "prod"), LabelSet.parse("{job=\"api\", env=\"prod\"}", "l"));
        assertEquals(Map.of("a", "1"), LabelSet.parse(" {a = \"1\",} ", "l"));
        assertEquals(Map.of(), LabelSet.parse("{}", "l"));
    }

    @Test
    void keepsTheOrderWritten() {
        assertEquals(List.of("z", "a"), List.copyOf(LabelSet.parse("{z=\"1\",a=\"2\"}", "l").keySet()));
    }

    @Test
    void undoesGoQuoting() {
        // what Go's strconv.Quote writes for "tab\t nl\n quote\" back\\ é del\x7f 😀 \xff-less"
        Map<String, String> labels = LabelSet.parse(
                "{v=\"tab\\t nl\\n quote\\\" back\\\\ \\u00e9 \\xc3\\xa9 del\\x7f \\U0001f600 \\a\\b\\f\\r\\v \\101\"}", "l");

        assertEquals("tab\t nl\n quote\" back\\ é é del\u007f \uD83D\uDE00 \u0007\b\f\r\u000B A", labels.get("v"));
    }

    @Test
    void rawUtf8StaysAsItIs() {
        assertEquals("ação 日本", LabelSet.parse("{v=\"ação 日本\"}", "l").get("v"));
    }

    @Test
    void aRepeatedNameIsRefused() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> LabelSet.parse("{a=\"1\", a=\"2\"}", "streams[0].labels"));

        assertEquals("streams[0].labels: label a is given twice in '{a=\"1\", a=\"2\"}'", e.getMessage());
    }

    @Test
    void badNamesAreRefused() {
        assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{1a=\"x\"}", "l"));
        assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a-b=\"x\"}", "l"));
        assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{=\"x\"}", "l"));
    }

    @Test
    void brokenTextIsRefusedNamingWhatIsWrong() {
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a=\"x}", "l"))
                .getMessage().contains("not closed"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a=\"x\\q\"}", "l"))
                .getMessage().contains("unknown escape \\q"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a=\"\\ud800\"}", "l"))
                .getMessage().contains("not a Unicode character"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("a=\"x\"", "l"))
                .getMessage().contains("expected {"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a=\"x\"} extra", "l"))
                .getMessage().contains("unexpected text after the closing }"));
        assertTrue(assertThrows(MalformedBodyException.class, () -> LabelSet.parse("{a=x}", "l"))
                .getMessage().contains("expected \""));
    }

    @Test
    void anErrorQuotesTheLabelsEscapedAndShort() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> LabelSet.parse("{a=\"\u001b[31m" + "x".repeat(500), "l"));

        assertTrue(e.getMessage().contains("\\u001B[31m"), e.getMessage());
        assertTrue(e.getMessage().length() < 250, e.getMessage());
    }
}
