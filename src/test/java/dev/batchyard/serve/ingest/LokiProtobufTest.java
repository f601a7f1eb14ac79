package dev.batchyard.serve.ingest;

import static dev.batchyard.serve.ingest.LokiProtoBodies.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LokiProtobufTest {

    @Test
    void decodesStreamsLabelsEntriesAndStructuredMetadata() {
        byte[] body = new LokiProtoBodies()
                .stream("{job=\"api\", level=\"info\"}",
                        entry(1_700_000_000L, 123, "first", Map.of()),
                        entry(1_700_000_001L, 999_999_999, "second", Map.of("trace_id", "abc")))
                .stream("{job=\"db\"}", entry(1L, 0, "", Map.of()))
                .protobuf();

        LokiPush inTest = LokiProtobuf.decode(body);

        assertEquals(2, inTest.streams().size());
        assertEquals(Map.of("job", "api", "level", "info"), inTest.streams().get(0).labels());
        assertEquals(List.of(new LokiPush.Entry(1_700_000_000L, 123, "first", Map.of()),
                        new LokiPush.Entry(1_700_000_001L, 999_999_999, "second", Map.of("trace_id", "abc"))),
                inTest.streams().get(0).entries());
        assertEquals(new LokiPush.Entry(1L, 0, "", Map.of()), inTest.streams().get(1).entries().get(0));
    }

    @Test
    void keepsTheOrderOfStructuredMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("z", "1");
        metadata.put("a", "2");
        byte[] body = new LokiProtoBodies().stream("{job=\"x\"}", entry(5, 0, "l", metadata)).protobuf();

        LokiPush inTest = LokiProtobuf.decode(body);

        assertEquals(List.of("z", "a"), List.copyOf(inTest.streams().get(0).entries().get(0).structuredMetadata().keySet()));
    }

    @Test
    void skipsFieldsItDoesNotKnow() {
        byte[] stream = LokiProtoBodies.message(out -> {
            out.writeString(1, "{job=\"x\"}");
            out.writeFixed64(9, 77L);
            out.writeFixed32(10, 7);
            out.writeString(11, "from a newer Loki");
            out.writeByteArray(2, entry(5, 6, "line", Map.of()).bytes());
        });
        byte[] body = LokiProtoBodies.message(out -> {
            out.writeUInt64(7, 1L);
            out.writeByteArray(1, stream);
        });

        LokiPush inTest = LokiProtobuf.decode(body);

        assertEquals(List.of(new LokiPush.Entry(5, 6, "line", Map.of())), inTest.streams().get(0).entries());
    }

    @Test
    void anEmptyBodyIsAPushWithoutStreams() {
        assertEquals(List.of(), LokiProtobuf.decode(new byte[0]).streams());
    }

    @Test
    void aCutBodyFailsNamingTheOffset() {
        byte[] body = new LokiProtoBodies().stream("{job=\"x\"}", entry(5, 6, "a line of text", Map.of())).protobuf();

        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> LokiProtobuf.decode(Arrays.copyOf(body, body.length - 3)));

        assertTrue(e.getMessage().startsWith("not a valid protobuf message at byte "), e.getMessage());
        assertTrue(e.getMessage().contains("claims"), e.getMessage());
    }

    @Test
    void aLengthThatLiesIsRefusedWithoutAllocatingIt() {
        byte[] body = {0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 1, 2, 3};

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertTrue(e.getMessage().contains("streams claims 2147483647 bytes, but only 3 are left"), e.getMessage());
    }

    @Test
    void aStreamWithoutLabelsIsRefused() {
        byte[] body = LokiProtoBodies.message(out -> out.writeByteArray(1,
                LokiProtoBodies.message(s -> s.writeByteArray(2, entry(1, 0, "x", Map.of()).bytes()))));

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertEquals("streams[0]: has no labels; Loki needs at least one label per stream", e.getMessage());
    }

    @Test
    void anEntryWithoutATimestampIsRefused() {
        byte[] entry = LokiProtoBodies.message(out -> out.writeString(2, "no time"));
        byte[] body = LokiProtoBodies.message(out -> out.writeByteArray(1, LokiProtoBodies.message(s -> {
            s.writeString(1, "{a=\"b\"}");
            s.writeByteArray(2, entry);
        })));

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertEquals("streams[0].entries[0]: has no timestamp", e.getMessage());
    }

    @Test
    void nanosOutOfRangeAreRefused() {
        byte[] body = new LokiProtoBodies().stream("{a=\"b\"}", entry(1, 1_000_000_000, "x", Map.of())).protobuf();

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertTrue(e.getMessage().startsWith("streams[0].entries[0].timestamp: nanos 1000000000"), e.getMessage());
    }

    @Test
    void aTimeBefore1970IsRefused() {
        byte[] body = new LokiProtoBodies().stream("{a=\"b\"}", entry(-1, 0, "x", Map.of())).protobuf();

        assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));
    }

    @Test
    void repeatedStructuredMetadataNamesAreRefused() {
        byte[] pair = LokiProtoBodies.message(p -> {
            p.writeString(1, "k");
            p.writeString(2, "v");
        });
        byte[] entry = LokiProtoBodies.message(out -> {
            out.writeByteArray(1, LokiProtoBodies.message(ts -> ts.writeInt64(1, 3)));
            out.writeByteArray(3, pair);
            out.writeByteArray(3, pair);
        });
        byte[] body = LokiProtoBodies.message(out -> out.writeByteArray(1, LokiProtoBodies.message(s -> {
            s.writeString(1, "{a=\"b\"}");
            s.writeByteArray(2, entry);
        })));

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertTrue(e.getMessage().contains("structured metadata 'k' is given twice"), e.getMessage());
    }

    @Test
    void aGroupWireTypeIsRefused() {
        byte[] body = {(byte) 0x0B}; // field 1, wire type 3 (start group)

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> LokiProtobuf.decode(body));

        assertTrue(e.getMessage().contains("wire type 3"), e.getMessage());
    }
}
