package dev.batchyard.codec.gojson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.KeyForms;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GoFailureCodecTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 1, 17, 40, 12, 101, ZoneOffset.ofHours(-3));
    private final GoFailureCodec inTest = new GoFailureCodec(new GoJson());

    private static EntryFailure plain() {
        return EntryFailure.builder().at(T).message("loki push failed: 500").errorType("send_error").sink("loki")
                .retryCount(3).context(Map.of("batch_size", "100")).lastReprocessAttempt(GoTime.ZERO)
                .nextReprocessTime(T.plusMinutes(5)).reprocessingEnabled(true).entryId("loki_1_f1a2b3").build();
    }

    private Map<Integer, EntryFailure> roundTrip(Map<Integer, EntryFailure> failures) {
        return inTest.decode(inTest.encode(failures));
    }

    @Test
    void noFailuresAreNoBytes() {
        assertEquals(0, inTest.encode(Map.of()).length);
        assertEquals(Map.of(), inTest.decode(new byte[0]));
    }

    @Test
    void writesIndexAndFailureAsGoJsonWithoutAnEntry() {
        assertEquals("[[2,{\"timestamp\":\"2026-12-01T17:40:12.000000101-03:00\",\"error_message\":\"loki push failed:"
                + " 500\",\"error_type\":\"send_error\",\"failed_sink\":\"loki\",\"retry_count\":3,\"context\":"
                + "{\"batch_size\":\"100\"},\"reprocess_attempts\":0,\"last_reprocess_attempt\":\"0001-01-01T00:00:00Z\","
                + "\"next_reprocess_time\":\"2026-12-01T17:45:12.000000101-03:00\",\"reprocessing_enabled\":true,"
                + "\"entry_id\":\"loki_1_f1a2b3\"}]]",
                new String(inTest.encode(Map.of(2, plain())), StandardCharsets.UTF_8));
    }

    @Test
    void readsBackWhatItWroteInIndexOrder() {
        Map<Integer, EntryFailure> failures = Map.of(7, plain(), 0, EntryFailure.of(T, "elasticsearch",
                "mapper_parsing_exception", "failed to parse field [status]"), 3, plain().toBuilder().entryId("x").build());
        Map<Integer, EntryFailure> back = roundTrip(failures);
        assertEquals(new TreeMap<>(failures), back);
        assertEquals(List.of(0, 3, 7), List.copyOf(back.keySet()));
    }

    @Test
    void keepsHostileValuesUnknownKeysAndKeyForms() {
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("z_first", new BigInteger("123456789012345678901234567890"));
        unknown.put("a_then", List.of(new BigDecimal("0.1000000000000000055511151231257827"), 0.1, "\u2028"));
        unknown.put("nothing", null);
        EntryFailure hostile = plain().toBuilder()
                .message("\u0000\u001b[31m <script>&\u2028\u2029 \ud800 é 😀")
                .sink("loki\nsink").stackTrace("a\tb\r\n").context(Map.of("\ud83d\ude00", "", "", "empty key"))
                .retryCount(Long.MAX_VALUE).reprocessAttempts(Long.MIN_VALUE)
                .at(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutes(-14, 0)))
                .unknown(unknown).errorType("").entryId("")
                .nextReprocessTime(OffsetDateTime.of(2026, 12, 1, 17, 45, 12, 100, ZoneOffset.ofHours(-3)))
                .forms(new KeyForms(Map.of("entry_id", KeyForm.ABSENT, "error_type", KeyForm.NULL,
                        "next_reprocess_time", KeyForm.timeText("2026-12-01T17:45:12.000000100-03:00"))))
                .build();
        assertEquals(Map.of(0, hostile), roundTrip(Map.of(0, hostile)));
    }

    @Test
    void aTimeLeftUnsetIsGosZeroTime() {
        EntryFailure unset = EntryFailure.of(T, "loki", "http_400", "bad stream");
        assertEquals(GoTime.ZERO, unset.nextReprocessTime());
        assertEquals(Map.of(0, unset), roundTrip(Map.of(0, unset)));
    }

    @Test
    void theZeroTimeAndNullTimesAreKeptApart() {
        EntryFailure zero = plain().toBuilder().at(GoTime.ZERO).build();
        EntryFailure nullTime = plain().toBuilder().at(null).forms(new KeyForms(Map.of("timestamp", KeyForm.NULL)))
                .build();
        assertEquals(Map.of(0, zero, 1, nullTime), roundTrip(Map.of(0, zero, 1, nullTime)));
    }

    @Test
    void bytesThatAreNotFailuresAreRefusedNamingWhy() {
        for (String bad : new String[] {"{}", "[[1]]", "[[-1,{}]]", "[[0,{}],[0,{}]]", "[[0,{\"original_entry\":{}}]]",
            "[[0,{\"retry_count\":\"x\"}]]", "[[0,{}]", "[[0,{}]] 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> inTest.decode(bad.getBytes(StandardCharsets.UTF_8)), bad);
            assertTrue(e.getMessage().startsWith("entry failures do not decode"), e.getMessage());
        }
    }
}
