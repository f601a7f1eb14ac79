package dev.batchyard.sink.kafka;

import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.model.DeliveryReceipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The answers to one batch's records, one per entry, as the producer's callbacks bring them in any
 * order and on its network thread. Once every record is answered the batch's outcome is complete:
 * delivered when every record was acknowledged, else a failed attempt naming how many records
 * failed and the first reasons (the store has no per-entry failures yet; the per-entry answers
 * are here, in {@link #failures}, for when it does). Either way the receipt lists where the
 * acknowledged records went: topic, partition and offset range. Thread-safe.
 */
final class BatchAcks {
    /** Reasons quoted in a partial failure; the count says how many more there were. */
    static final int QUOTED = 3;

    private final String topic;
    private final int size;
    private final int[] partitions;
    private final long[] offsets;
    private final KafkaFailures.Worded[] failures;
    private final CompletableFuture<DeliveryOutcome> result = new CompletableFuture<>();
    private int answered;
    private KafkaFailures.Worded wholeBatch;

    BatchAcks(String topic, int size) {
        this.topic = topic;
        this.size = size;
        this.partitions = new int[size];
        this.offsets = new long[size];
        this.failures = new KafkaFailures.Worded[size];
    }

    CompletableFuture<DeliveryOutcome> outcome() {
        return result;
    }

    void acked(int entry, RecordMetadata m) {
        synchronized (this) {
            partitions[entry] = m.partition();
            offsets[entry] = m.hasOffset() ? m.offset() : -1;
            answered++;
        }
        completeIfDone();
    }

    void failed(int entry, KafkaFailures.Worded why) {
        synchronized (this) {
            failures[entry] = why;
            answered++;
            if (why.wholeBatch() && wholeBatch == null) {
                wholeBatch = why;
            }
        }
        completeIfDone();
    }

    /** A failure seen so far that no record of this batch can escape now (no broker, no topic, no access), or null. */
    synchronized KafkaFailures.Worded wholeBatchFailure() {
        return wholeBatch;
    }

    private void completeIfDone() {
        DeliveryOutcome outcome;
        synchronized (this) {
            if (answered < size || result.isDone()) {
                return;
            }
            outcome = decide();
        }
        result.complete(outcome);
    }

    private DeliveryOutcome decide() {
        DeliveryReceipt receipt = receipt();
        List<Integer> failed = new ArrayList<>();
        boolean retryable = true;
        for (int i = 0; i < size; i++) {
            if (failures[i] != null) {
                failed.add(i);
                retryable &= failures[i].retryable();
            }
        }
        if (failed.isEmpty()) {
            return DeliveryOutcome.delivered(receipt);
        }
        return new DeliveryOutcome.Failed(reason(failed), retryable, receipt);
    }

    private String reason(List<Integer> failed) {
        String first = failures[failed.get(0)].reason();
        if (failed.size() == size && failed.stream().allMatch(i -> failures[i].reason().equals(first))) {
            return (size == 1 ? "the record failed: " : "all " + size + " records failed: ") + first;
        }
        StringBuilder out = new StringBuilder().append(failed.size()).append(" of ").append(size)
                .append(" records failed");
        for (int i = 0; i < Math.min(QUOTED, failed.size()); i++) {
            out.append(i == 0 ? ": " : "; ").append("entry ").append(failed.get(i)).append(": ")
                    .append(failures[failed.get(i)].reason());
        }
        if (failed.size() > QUOTED) {
            out.append("; and ").append(failed.size() - QUOTED).append(" more");
        }
        return out.toString();
    }

    /** Acknowledged records by partition: offset range and count, lowest partitions first. */
    private DeliveryReceipt receipt() {
        Map<Integer, long[]> byPartition = new TreeMap<>(); // first, last, count
        for (int i = 0; i < size; i++) {
            if (failures[i] != null) {
                continue;
            }
            long[] r = byPartition.computeIfAbsent(partitions[i], p -> new long[] {Long.MAX_VALUE, -1, 0});
            if (offsets[i] >= 0) {
                r[0] = Math.min(r[0], offsets[i]);
                r[1] = Math.max(r[1], offsets[i]);
            }
            r[2]++;
        }
        List<DeliveryReceipt.Placement> placements = new ArrayList<>();
        byPartition.forEach((partition, r) -> {
            if (placements.size() < DeliveryReceipt.MAX_PLACEMENTS) {
                boolean known = r[1] >= 0;
                placements.add(new DeliveryReceipt.Placement(topic, Math.max(partition, -1), known ? r[0] : -1,
                        known ? r[1] : -1, (int) r[2]));
            }
        });
        return new DeliveryReceipt(placements);
    }
}
