package dev.batchyard.sink.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;

/**
 * {@code partitioning.strategy: random}: each record to a partition drawn at random, among those
 * with a leader when there are any. Kafka has no such partitioner of its own; the producer
 * instantiates this class by name. Thread-safe.
 */
public final class RandomPartitioner implements Partitioner {

    public RandomPartitioner() {
        // instantiated by the Kafka producer
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        List<PartitionInfo> available = cluster.availablePartitionsForTopic(topic);
        List<PartitionInfo> from = available.isEmpty() ? cluster.partitionsForTopic(topic) : available;
        return from.get(ThreadLocalRandom.current().nextInt(from.size())).partition();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing held
    }
}
