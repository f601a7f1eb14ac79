package dev.batchyard.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link EntriesCodec} of the store promises, whatever its format: equal entries back for
 * every shape, a header of format version and compression, and nothing but its own
 * {@code IllegalArgumentException} ("entries record: ...") for bytes that are cut short or damaged.
 * Each codec's test class extends this and adds what is particular to its format. The test
 * methods are public because those classes live in the codecs' own packages, and surefire opens to
 * JUnit only the packages that hold test classes, which this one does not.
 */
public abstract class EntriesCodecContract {

    protected abstract EntriesCodec codec(Compression compression);

    /** The format version the codec writes in its first byte. */
    protected abstract int version();

    @ParameterizedTest
    @EnumSource(Compression.class)
    public void decodesARealisticBatchToEqualEntries(Compression compression) {
        EntriesCodec codec = codec(compression);
        List<LogEntry> batch = SampleEntries.realistic(11, 100);
        assertEquals(batch, codec.decode(codec.encode(batch)));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    public void decodesEveryOddShapeToAnEqualEntry(Compression compression) {
        EntriesCodec codec = codec(compression);
        for (LogEntry e : SampleEntries.oddShapes()) {
            assertEquals(e, codec.decode(codec.encode(List.of(e))).get(0));
        }
        List<LogEntry> all = SampleEntries.oddShapes();
        assertEquals(all, codec.decode(codec.encode(all)), "all odd shapes in one batch");
    }

    @Test
    public void decodesAnEmptyBatch() {
        EntriesCodec codec = codec(Compression.NONE);
        assertEquals(List.of(), codec.decode(codec.encode(List.of())));
    }

    @Test
    public void decodesWhateverCompressionTheRecordWasWrittenWith() {
        List<LogEntry> batch = SampleEntries.realistic(5, 10);
        assertEquals(batch, codec(Compression.NONE).decode(codec(Compression.DEFLATE).encode(batch)));
        assertEquals(batch, codec(Compression.DEFLATE).decode(codec(Compression.NONE).encode(batch)));
    }

    @Test
    public void startsWithTheFormatVersionAndCompression() {
        byte[] bytes = codec(Compression.DEFLATE).encode(List.of());
        assertEquals(version(), bytes[0]);
        assertEquals(Compression.DEFLATE.id(), bytes[1]);
    }

    @Test
    public void rejectsAnUnknownFormatVersion() {
        byte[] bytes = codec(Compression.NONE).encode(List.of());
        bytes[0] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec(Compression.NONE).decode(bytes));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }

    @Test
    public void rejectsAnUnknownCompression() {
        byte[] bytes = codec(Compression.NONE).encode(List.of());
        bytes[1] = 7;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec(Compression.NONE).decode(bytes));
        assertTrue(e.getMessage().contains("compression 7"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    public void rejectsEveryCutShortEncoding(Compression compression) {
        EntriesCodec codec = codec(compression);
        byte[] bytes = codec.encode(SampleEntries.oddShapes().subList(0, 5));
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = Arrays.copyOf(bytes, len);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decode(cut),
                    "cut at " + len);
            assertTrue(e.getMessage().startsWith("entries record"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    public void corruptBytesFailOnlyWithIllegalArgumentException(Compression compression) {
        EntriesCodec codec = codec(compression);
        byte[] good = codec.encode(SampleEntries.oddShapes().subList(0, 7));
        Random r = new Random(42);
        for (int i = 0; i < 5000; i++) {
            byte[] bad = good.clone();
            for (int flips = 1 + r.nextInt(3); flips > 0; flips--) {
                bad[2 + r.nextInt(bad.length - 2)] = (byte) r.nextInt(256);
            }
            try {
                codec.decode(bad);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().startsWith("entries record"), expected.getMessage());
            }
        }
    }
}
