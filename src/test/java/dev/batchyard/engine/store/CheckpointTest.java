package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path tmp;

    private static List<StoredBatch> variedBatches() {
        List<StoredBatch> out = new ArrayList<>();
        OffsetDateTime created = OffsetDateTime.of(2026, 11, 26, 18, 0, 0, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30));
        Attempt attempt = new Attempt(Instant.parse("2026-11-26T18:00:01Z"), "loki", Duration.ofMillis(12),
                Attempt.Outcome.FAILED, "503");
        for (int i = 0; i < 60; i++) {
            String sink = "sink-" + (i % 20); // more sinks than the decoder shares
            BatchMeta meta = switch (i % 4) {
                case 0 -> new BatchMeta(sink, BatchState.PENDING, 0, null, "", null, List.of());
                case 1 -> new BatchMeta(sink, BatchState.RETRY_WAIT, 2, created, "timeout", Instant.ofEpochSecond(9, 8),
                        List.of(attempt));
                case 2 -> new BatchMeta(sink, BatchState.DEAD, 10, created.minusDays(1), "gone", null, List.of());
                default -> new BatchMeta(sink, BatchState.PENDING, 0, created, "", null, List.of()); // rerouted
            };
            Map<String, String> context = switch (i % 3) {
                case 0 -> Map.of("created_by", "batch_persistence");
                case 1 -> Map.of();
                default -> Map.of("created_by", "import", "file", "batch_" + i + ".json");
            };
            out.add(new StoredBatch("b-" + i + "-ü", created.plusNanos(i), context, i, meta, new Location(i, 16L + i, 100 + i)));
        }
        return out;
    }

    @Test
    void readGivesBackEveryBatchAsWritten() throws IOException {
        List<StoredBatch> written = variedBatches();
        Checkpoint.write(Disk.local(), tmp, 7, 4096, written);
        Checkpoint.Snapshot read = Checkpoint.read(Disk.local(), tmp, new Canonicals());
        assertEquals(7, read.segmentId());
        assertEquals(4096, read.offset());
        assertEquals(written.size(), read.batches().size());
        for (int i = 0; i < written.size(); i++) {
            StoredBatch w = written.get(i);
            StoredBatch r = read.batches().get(i);
            assertEquals(w.id(), r.id());
            assertEquals(w.createdAt(), r.createdAt());
            assertEquals(w.context(), r.context());
            assertEquals(w.entryCount(), r.entryCount());
            assertEquals(w.meta(), r.meta());
            assertEquals(w.location(), r.location());
        }
    }

    @Test
    void freshMetadataAndTheGoContextAreSharedAfterReading() throws IOException {
        Checkpoint.write(Disk.local(), tmp, 1, 16, variedBatches());
        List<StoredBatch> read = Checkpoint.read(Disk.local(), tmp, new Canonicals()).batches();
        assertSame(read.get(0).meta(), read.get(20).meta(), "same sink, never attempted");
        assertSame(read.get(0).context(), read.get(3).context(), "the Go context");
    }

    @Test
    void aBodyThatDoesNotDecodeIsAnIoErrorNamingTheFile() throws IOException {
        Checkpoint.write(Disk.local(), tmp, 1, 16, variedBatches());
        byte[] good = Files.readAllBytes(tmp.resolve(Checkpoint.FILE));
        Random random = new Random(3);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] bad = good.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bad[26 + random.nextInt(bad.length - 30)] = (byte) random.nextInt(256);
            }
            CRC32C crc = new CRC32C(); // a valid checksum over a damaged body: only the decoder can notice
            crc.update(bad, 0, bad.length - 4);
            ByteBuffer.wrap(bad, bad.length - 4, 4).putInt((int) crc.getValue());
            Files.write(tmp.resolve(Checkpoint.FILE), bad);
            try {
                Checkpoint.read(Disk.local(), tmp, new Canonicals());
            } catch (IOException expected) {
                assertEquals(true, expected.getMessage().contains(Checkpoint.FILE), expected.getMessage());
            }
        }
        Files.write(tmp.resolve(Checkpoint.FILE), java.util.Arrays.copyOf(good, good.length - 9));
        assertThrows(IOException.class, () -> Checkpoint.read(Disk.local(), tmp, new Canonicals()));
    }
}
