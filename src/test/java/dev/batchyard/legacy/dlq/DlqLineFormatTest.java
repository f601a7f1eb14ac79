package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.codec.gojson.GoTime;
import dev.batchyard.model.EntryFailure;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DlqLineFormatTest {
    private final DlqLineFormat inTest = DlqSamples.format();

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private DeadLetter letter(String line) {
        return assertInstanceOf(DeadLetter.class, DlqSamples.read(line), line);
    }

    private String rewrite(String line) {
        DeadLetter l = letter(line);
        return utf8(inTest.write(l.entry(), l.failure()));
    }

    private DamagedLine damaged(String line) {
        return assertInstanceOf(DamagedLine.class, DlqSamples.read(line), line);
    }

    private static JsonNode tree(String json) throws Exception {
        return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
    }

    @Test
    void rewritesEveryLineOfTheGoSampleByteForByte() {
        List<byte[]> lines = DlqSamples.sampleLines();
        assertEquals(3, lines.size());
        for (byte[] line : lines) {
            String go = utf8(line);
            assertEquals(go, rewrite(go.substring(0, go.length() - 1)));
        }
    }

    @Test
    void readsEveryFieldOfASampleLine() {
        String third = utf8(DlqSamples.sampleLines().get(2));
        DeadLetter l = letter(third.strip());
        EntryFailure f = l.failure();
        ZoneOffset minus3 = ZoneOffset.ofHours(-3);
        assertEquals(OffsetDateTime.of(2026, 12, 1, 17, 40, 15, 303, minus3), f.at());
        assertEquals("timestamp_clamped", f.message());
        assertEquals("timestamp_validation", f.errorType());
        assertEquals("timestamp_validator", f.sink());
        assertEquals(0, f.retryCount());
        assertEquals(Map.of("original_timestamp", "2026-11-29T17:40:12-03:00"), f.context());
        assertEquals("", f.stackTrace());
        assertEquals(1, f.reprocessAttempts());
        assertEquals(OffsetDateTime.of(2026, 12, 1, 17, 41, 12, 77, minus3), f.lastReprocessAttempt());
        assertEquals(OffsetDateTime.of(2026, 12, 1, 17, 45, 15, 303, minus3), f.nextReprocessTime());
        assertTrue(f.reprocessingEnabled());
        assertEquals("timestamp_validator_1796157615000000303_f1a2b3", l.entryId());
        assertEquals("clock skew < 48h & clamped", l.entry().message());
        assertEquals(Map.of("host", "n1"), l.entry().labels());
        assertNull(l.entry().fields());
    }

    @Test
    void keepsGosZeroTimeAsTheZeroTime() {
        DeadLetter l = letter(utf8(DlqSamples.sampleLines().get(0)).strip());
        assertEquals(GoTime.ZERO, l.failure().lastReprocessAttempt());
        assertEquals(0, l.failure().reprocessAttempts());
    }

    @Test
    void rewritesHostileValuesByteForByteAsGoWouldWriteThem() {
        assertEquals(DlqSamples.HOSTILE + "\n", rewrite(DlqSamples.HOSTILE));
    }

    @Test
    void keepsHostileValuesExactly() {
        DeadLetter l = letter(DlqSamples.HOSTILE);
        assertEquals("t\u0001", l.entry().traceId());
        assertEquals("line\nbreak\ttab\r \\ \" & \u2028 \u2029 \u007f é 😀 \u001b[31m", l.entry().message());
        assertEquals(new BigInteger("123456789012345678901234567890"), l.entry().fields().get("big"));
        assertEquals(Long.MAX_VALUE, l.failure().retryCount());
        assertEquals("<html> 502 & \u0000", l.failure().message());
        assertEquals(List.of("dlq_version", "extra"), List.copyOf(l.failure().unknown().keySet()));
        assertEquals(List.of("from_newer_agent"), List.copyOf(l.entry().unknown().keySet()));
    }

    /** Go never writes one (it writes U+FFFD), so the same string, not the same bytes, is what counts. */
    @Test
    void aLoneSurrogateComesBackAsTheSameString() throws Exception {
        String line = DlqSamples.HOSTILE.replace("\"error_type\":\"send_error\"", "\"error_type\":\"\\ud800x\\udfff\"");
        assertEquals("\ud800x\udfff", letter(line).failure().errorType());
        String again = rewrite(line);
        assertEquals(letter(line).failure(), letter(again.strip()).failure());
        assertEquals(tree(line), tree(again));
    }

    /** Jackson refuses a lone surrogate in a key; Go never writes one, so the line is hostile: reported, not lost. */
    @Test
    void aLoneSurrogateInAKeyIsReportedAsNotJson() {
        String line = DlqSamples.HOSTILE.replace("\"context\":{\"a\"", "\"context\":{\"\\ud800\"");
        assertEquals(LineProblem.NOT_JSON, damaged(line).problem());
    }

    /** Go decodes {@code -0} into a float64 negative zero and writes it back as {@code -0}. */
    @Test
    void negativeZeroComesBackAsGoWritesIt() {
        String line = DlqSamples.HOSTILE.replace("\"f\":0.1,", "\"f\":0.1,\"g\":-0,");
        assertEquals(line + "\n", rewrite(line));
        String spelled = DlqSamples.HOSTILE.replace("\"f\":0.1,", "\"f\":0.1,\"g\":-0.0,");
        assertEquals(line + "\n", rewrite(spelled));
    }

    @Test
    void aDecimalFractionKeepsItsShortestDigits() {
        DeadLetter l = letter(DlqSamples.HOSTILE);
        assertEquals(0.1, l.entry().fields().get("f"));
        assertTrue(rewrite(DlqSamples.HOSTILE).contains("\"f\":0.1,"));
    }

    /**
     * Beyond a float64 (Go's own reader refuses the whole line with "cannot unmarshal number"): the
     * exact value is kept and written in Go's exponent form.
     */
    @Test
    void aNumberBeyondAFloat64KeepsItsValue() throws Exception {
        String line = DlqSamples.HOSTILE.replace("\"f\":0.1,", "\"f\":0.1,\"huge\":1e400,");
        String again = rewrite(line);
        assertTrue(again.contains("\"huge\":1e+400,"), again);
        assertEquals(tree(line), tree(again));
    }

    @Test
    void aLineNotWrittenByGoComesBackAsTheSameJsonValue() throws Exception {
        String line = "{\"entry_id\":\"e1\",\"failed_sink\":\"loki\",\"context\":{},\"stack_trace\":\"\","
                + "\"retry_count\":null,\"timestamp\":\"2026-12-01T17:40:16.500+00:00\",\"reprocessing_enabled\":null,"
                + "\"original_entry\":{\"message\":\"\\u00e9\\/\",\"labels\":{}},\"error_message\":\"\\u2028 raw \u2028\"}";
        assertEquals(tree(line), tree(rewrite(line)));
    }

    @Test
    void anAbsentKeyStaysAbsentAndANullStaysNull() {
        String line = "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{\"labels\":null},"
                + "\"failed_sink\":\"loki\",\"context\":null,\"entry_id\":\"e1\"}";
        assertEquals(line + "\n", rewrite(line));
    }

    @Test
    void aCutLineIsCutShort() {
        String whole = utf8(DlqSamples.sampleLines().get(0)).strip();
        for (int cut : new int[] {1, 20, whole.length() / 2, whole.length() - 1}) {
            assertEquals(LineProblem.CUT_SHORT, damaged(whole.substring(0, cut)).problem(), "cut at " + cut);
        }
    }

    @Test
    void aLineThatIsNotJsonIsNotJson() {
        DamagedLine d = damaged("{\"timestamp\": nope}");
        assertEquals(LineProblem.NOT_JSON, d.problem());
        assertTrue(d.detail().contains("column"), d.detail());
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] line = "{\"entry_id\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        line[line.length - 3] = (byte) 0xFF;
        DlqLine read = inTest.read(Path.of(DlqSamples.SAMPLE), 4, line, line.length, false);
        assertEquals(LineProblem.NOT_JSON, assertInstanceOf(DamagedLine.class, read).problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"hello\":\"world\"}", "[1,2,3]", "42", "\"entry\"", "null",
        "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":null,\"failed_sink\":\"loki\",\"entry_id\":\"e\"}",
        "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{},\"failed_sink\":\"loki\"}",
        "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{},\"entry_id\":\"e\"}",
        "{\"original_entry\":{},\"failed_sink\":\"loki\",\"entry_id\":\"e\"}",
        "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{},\"failed_sink\":\"loki\",\"entry_id\":\"e\","
            + "\"retry_count\":\"3\"}",
        "{\"timestamp\":\"yesterday\",\"original_entry\":{},\"failed_sink\":\"loki\",\"entry_id\":\"e\"}",
        "{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{},\"failed_sink\":\"loki\",\"entry_id\":\"e\","
            + "\"retry_count\":99999999999999999999}"})
    void jsonThatIsNotADeadLetterIsNotAnEntry(String line) {
        assertEquals(LineProblem.NOT_AN_ENTRY, damaged(line).problem());
    }

    @Test
    void theTextFormatIsRecognisedAndRefused() {
        DamagedLine d = damaged("[2026-12-01T17:40:12-03:00] SINK:loki ERROR:send_error RETRY:3 MSG:loki push failed"
                + " ORIGINAL:GET /api/orders 502");
        assertEquals(LineProblem.TEXT_FORMAT, d.problem());
        assertTrue(d.detail().contains("json_format: false"), d.detail());
    }

    @Test
    void aBlankLineIsReported() {
        assertEquals(LineProblem.BLANK, damaged("  \t").problem());
    }

    @Test
    void moreDataAfterTheObjectIsNotJson() {
        String line = utf8(DlqSamples.sampleLines().get(0)).strip();
        assertEquals(LineProblem.NOT_JSON, damaged(line + line).problem());
    }

    @Test
    void aDamagedLineSaysItsFileAndLine() {
        assertEquals("dlq_20261201_174012.log:1: not an entry: no entry_id, the entry's key",
                damaged("{\"timestamp\":\"2026-12-01T17:40:16Z\",\"original_entry\":{},\"failed_sink\":\"loki\"}")
                        .describe());
    }
}
