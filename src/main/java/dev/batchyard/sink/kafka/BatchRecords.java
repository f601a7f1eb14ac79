package dev.batchyard.sink.kafka;

import dev.batchyard.engine.Batch;
import dev.batchyard.model.LogEntry;
import dev.batchyard.sink.EntryJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A batch as Kafka records: one per entry, as the Go agent sends them. The value is the entry's Go
 * JSON; the key is chosen by {@link Partitioning}; the headers say which batch and which entry a
 * record is, so a consumer can drop the copies a redelivery makes:
 * <pre>
 * batchyard.batch_id      the batch id (UTF-8)
 * batchyard.entry_index   the entry's index in the batch, 0-based (decimal ASCII)
 * batchyard.entry_count   how many entries the batch has (decimal ASCII)
 * </pre>
 * Stateless.
 */
final class BatchRecords {
    static final String BATCH_ID = "batchyard.batch_id";
    static final String ENTRY_INDEX = "batchyard.entry_index";
    static final String ENTRY_COUNT = "batchyard.entry_count";

    private final String topic;
    private final Partitioning partitioning;
    private final EntryJson json;

    BatchRecords(String topic, Partitioning partitioning, EntryJson json) {
        this.topic = topic;
        this.partitioning = partitioning;
        this.json = json;
    }

    List<ProducerRecord<byte[], byte[]>> of(Batch batch) {
        List<LogEntry> entries = batch.entries();
        byte[] id = batch.id().getBytes(StandardCharsets.UTF_8);
        byte[] count = ascii(entries.size());
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            List<Header> headers = List.of(new RecordHeader(BATCH_ID, id), new RecordHeader(ENTRY_INDEX, ascii(i)),
                    new RecordHeader(ENTRY_COUNT, count));
            records.add(new ProducerRecord<>(topic, null, null, key(e), json.line(e).getBytes(StandardCharsets.UTF_8),
                    headers));
        }
        return records;
    }

    /** The label named by {@code key_field}, else the source id, else none (the Go agent's choice). */
    private byte[] key(LogEntry e) {
        if (!partitioning.keyed()) {
            return null;
        }
        Map<String, String> labels = e.labels();
        String key = labels == null ? null : labels.get(partitioning.keyField());
        if (key == null || key.isEmpty()) {
            key = e.sourceId();
        }
        return key == null || key.isEmpty() ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(int n) {
        return Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
    }
}
