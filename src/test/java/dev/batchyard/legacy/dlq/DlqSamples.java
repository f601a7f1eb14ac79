package dev.batchyard.legacy.dlq;

import dev.batchyard.codec.gojson.GoJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Go agent's sample dead-letter file (checked against Go's encoder) and lines made for the tests. */
final class DlqSamples {
    static final String SAMPLE = "dlq_20261201_174012.log";

    /**
     * What Go's {@code json.Marshal} writes for hostile values: control characters, HTML-unsafe
     * characters and U+2028 escaped, other text raw UTF-8 (here U+00E9 and U+1F600), numbers beyond
     * 64 bits kept digit for digit, a float in Go's shortest form, nil against empty maps, every
     * omitempty field of the entry and its step present, unknown keys after the known ones. DEL
     * (U+007F) is not a control character to Go's encoder: it is written raw.
     */
    static final String HOSTILE = "{\"timestamp\":\"2026-12-01T17:40:16.5Z\",\"original_entry\":{\"trace_id\":\"t\\u0001\","
            + "\"span_id\":\"\\u003cs\\u003e\",\"parent_span_id\":\"p\",\"timestamp\":\"0001-01-01T00:00:00Z\","
            + "\"duration\":-9223372036854775808,\"processed_at\":\"9999-12-31T23:59:59.999999999+14:00\","
            + "\"message\":\"line\\nbreak\\ttab\\r \\\\ \\\" \\u0026 \\u2028 \\u2029 \u007f é 😀 \\u001b[31m\","
            + "\"level\":\"error\",\"source_type\":\"file\",\"source_id\":\"d00d\",\"tags\":[\"a\",\"\"],"
            + "\"labels\":{\"\":\"empty key\",\"z\":\"\"},\"fields\":{\"big\":123456789012345678901234567890,"
            + "\"f\":0.1,\"list\":[null,true,{\"a\":2,\"b\":1}],\"n\":null,\"neg\":-1.5e-7},"
            + "\"processing_steps\":[{\"name\":\"s\",\"timestamp\":\"2026-12-01T17:40:12+05:30\",\"duration\":1,"
            + "\"success\":false,\"error\":\"e\",\"metadata\":{\"k\":\"v\"}}],\"pipeline\":\"p\","
            + "\"sanitized_fields\":[\"x\"],\"metrics\":{\"m\":1.25},\"slos\":{\"s\":99.9},\"from_newer_agent\":[1]},"
            + "\"error_message\":\"\\u003chtml\\u003e 502 \\u0026 \\u0000\",\"error_type\":\"send_error\","
            + "\"failed_sink\":\"loki\",\"retry_count\":9223372036854775807,"
            + "\"context\":{\"a\":\"1\",\"é\":\"2\",\"\uFFFD\":\"4\",\"😀\":\"3\"},\"stack_trace\":\"goroutine 1:\\n\\tmain.go:12\","
            + "\"reprocess_attempts\":2,\"last_reprocess_attempt\":\"2026-12-01T17:41:12.000000077-03:00\","
            + "\"next_reprocess_time\":\"0001-01-01T00:00:00Z\",\"reprocessing_enabled\":false,"
            + "\"entry_id\":\"loki_1796157616500000000_d00d\",\"dlq_version\":2,\"extra\":{\"z\":null,\"a\":[]}}";

    private DlqSamples() {
    }

    static byte[] sample() {
        try (InputStream in = DlqSamples.class.getResourceAsStream("/legacy-go-dlq/" + SAMPLE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's lines, each with its newline. */
    static List<byte[]> sampleLines() {
        List<byte[]> lines = new ArrayList<>();
        String all = new String(sample(), StandardCharsets.UTF_8);
        int start = 0;
        for (int i = all.indexOf('\n'); i >= 0; i = all.indexOf('\n', start)) {
            lines.add(all.substring(start, i + 1).getBytes(StandardCharsets.UTF_8));
            start = i + 1;
        }
        return lines;
    }

    static DlqLineFormat format() {
        return new DlqLineFormat(new GoJson());
    }

    /** Reads one line (given without its newline) as the file reader would, in a file named {@link #SAMPLE}. */
    static DlqLine read(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return format().read(Path.of(SAMPLE), 1, bytes, bytes.length, false);
    }
}
