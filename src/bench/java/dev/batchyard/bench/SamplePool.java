package dev.batchyard.bench;

import dev.batchyard.model.SampleEntries;
import dev.batchyard.codec.binary.BinaryEntriesCodec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Pre-generated realistic batches per {@link SizeClass} (varied messages, labels and fields). */
final class SamplePool {
    static final String SINK = "loki";
    static final Map<String, String> CONTEXT = Map.of("created_by", "batch_persistence");
    static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 11, 26, 18, 0, 0, 123_456_789, ZoneOffset.UTC);

    private final Map<SizeClass, List<Sample>> pools = new EnumMap<>(SizeClass.class);

    SamplePool() {
        BinaryEntriesCodec codec = new BinaryEntriesCodec();
        SeedBatchJson seed = new SeedBatchJson();
        long seedValue = 1;
        for (SizeClass size : SizeClass.values()) {
            List<Sample> list = new ArrayList<>();
            for (int i = 0; i < size.distinct; i++) {
                var entries = SampleEntries.realistic(seedValue++, size.entries);
                int goBytes = seed.write(new SeedBatch("batch-00000000-0000", entries, SINK, CREATED,
                        dev.batchyard.codec.gojson.GoTime.ZERO, 0, "", CONTEXT)).length;
                list.add(new Sample(entries, codec.encode(entries), goBytes));
            }
            pools.put(size, List.copyOf(list));
        }
    }

    List<Sample> of(SizeClass size) {
        return pools.get(size);
    }

    /** Mean size of the seed's file for this class, for the table's labels. */
    double meanGoBytes(SizeClass size) {
        return pools.get(size).stream().mapToInt(Sample::goFileBytes).average().orElse(0);
    }
}
