package dev.batchyard.model;

import dev.batchyard.codec.gojson.GoJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Entries for tests and the codec benchmark: realistic traffic, and every odd shape a file can hold. */
public final class SampleEntries {
    private static final String[] SERVICES = {"orders", "payments", "auth", "search", "gateway"};
    private static final String[] LEVELS = {"info", "info", "info", "warn", "error", "debug"};
    private static final String[] SOURCES = {"f1a2b3", "c0ffee12", "9d8e7f"};

    private SampleEntries() {
    }

    /** What the Go agent typically batches: ~300 bytes of pretty Go JSON an entry. */
    public static List<LogEntry> realistic(long seed, int count) {
        Random r = new Random(seed);
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 123, ZoneOffset.ofHours(-3));
        List<LogEntry> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            t = t.plusNanos(1_000_000L + r.nextInt(50_000_000));
            String service = SERVICES[r.nextInt(SERVICES.length)];
            int status = r.nextInt(10) < 8 ? 200 : 503;
            Map<String, Object> fields = new TreeMap<>();
            fields.put("status", status);
            if (r.nextInt(4) == 0) {
                fields.put("latency_ms", Math.round(r.nextDouble() * 50_000) / 100.0);
            }
            boolean traced = r.nextInt(3) == 0;
            out.add(LogEntry.builder()
                    .traceId(traced ? hex(r, 32) : "")
                    .spanId(traced ? hex(r, 16) : "")
                    .timestamp(t)
                    .processedAt(t.plusNanos(r.nextInt(5_000_000)))
                    .message("GET /api/" + service + "/" + r.nextInt(100_000) + " " + status + " "
                            + r.nextInt(900) + "ms")
                    .level(LEVELS[r.nextInt(LEVELS.length)])
                    .sourceType(i % 3 == 0 ? "docker" : "file")
                    .sourceId(SOURCES[r.nextInt(SOURCES.length)])
                    .labels(Map.of("service", service))
                    .fields(fields)
                    .build());
        }
        return out;
    }

    /** One entry with every component set and every kind of JSON value. */
    public static LogEntry full() {
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 120_000_000, ZoneOffset.ofHoursMinutes(5, 45));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of(1, "two", true));
        nested.put("a", null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("int", 42);
        fields.put("big", new BigInteger("123456789012345678901234567890"));
        fields.put("dec", new BigDecimal("0.1000000000000000000001"));
        fields.put("double", 2.5);
        fields.put("nested", nested);
        fields.put("nothing", null);
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("zz_new_field", Map.of("k", 1));
        unknown.put("aa_other", List.of());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", "2");
        labels.put("a", null);
        return LogEntry.builder()
                .traceId("4bf92f3577b34da6a3ce929d0e0e4736").spanId("00f067aa0ba902b7").parentSpanId("a3ce929d")
                .timestamp(t).duration(1_500_000).processedAt(t.plusNanos(1))
                .message("<b>&amp;</b>\u2028\u2029\u0000\b\f\t\n\"\\é😀 line").level("error")
                .sourceType("file").sourceId("src")
                .tags(List.of("a", "b")).labels(labels).fields(fields)
                .processingSteps(List.of(new ProcessingStep("parse", t, 1200, true, "", Map.of("in", 1),
                        Map.of("out", "x"), Map.of("m", 1.5), Map.of("extra", "kept"))))
                .pipeline("default").dataClassification("internal").retentionPolicy("30d")
                .sanitizedFields(List.of("password")).metrics(Map.of("cpu", 0.75, "huge", 1e21))
                .slos(Map.of("latency_p99", 250.0)).unknown(unknown)
                .build();
    }

    /** Entries no Go file would hold but a builder can make: every one must come back equal. */
    public static List<LogEntry> oddShapes() {
        GoJson go = new GoJson();
        String nonGo = "{\"span_id\":null,\"parent_span_id\":\"\",\"timestamp\":\"2026-11-26T18:11:12.500+00:00\","
                + "\"duration\":0,\"processed_at\":null,\"tags\":[],\"metrics\":{},\"slos\":null,"
                + "\"processing_steps\":[{\"name\":\"x\",\"success\":null},null]}";
        OffsetDateTime t = OffsetDateTime.of(2026, 11, 26, 15, 11, 12, 999_999_999, ZoneOffset.ofHoursMinutes(-3, -30));
        List<LogEntry> out = new ArrayList<>();
        out.add(SampleEntries.full());
        out.add(LogEntry.builder().build());
        out.add(LogEntry.builder().traceId(null).message(null).tags(List.of()).labels(Map.of()).fields(Map.of())
                .processingSteps(List.of()).metrics(Map.of()).build());
        out.add(go.read(nonGo.getBytes(StandardCharsets.UTF_8)));
        out.add(LogEntry.builder().timestamp(t).processedAt(t.minusYears(300)).build());
        out.add(LogEntry.builder().timestamp(t).processedAt(t.withOffsetSameInstant(ZoneOffset.UTC)).build());
        out.add(LogEntry.builder().processedAt(t).fields(Map.of("nan", Double.NaN, "f", 0.1f, "i", 7,
                "neg0", -0.0)).metrics(Map.of("inf", Double.POSITIVE_INFINITY)).build());
        out.add(LogEntry.builder().message("x".repeat(1 << 20)).build());
        out.add(LogEntry.builder().message("cut \uD83D").tags(List.of("\uDE00 x")).labels(Map.of("k", "\uD800"))
                .fields(Map.of("s", List.of("a\uDBFFb"))).build());
        return out;
    }

    private static String hex(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(r.nextInt(16), 16));
        }
        return sb.toString();
    }
}
