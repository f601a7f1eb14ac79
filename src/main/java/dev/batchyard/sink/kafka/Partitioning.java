package dev.batchyard.sink.kafka;

import dev.batchyard.sink.ConfigNode;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code partitioning} block: how records spread over the topic's partitions.
 * <ul>
 *   <li>{@code hash} (the default): by the hash of the record key, as Kafka's default partitioner
 *       does, so one tenant's entries stay in order in one partition. The key is the entry's label
 *       named by {@code key_field} (default {@code tenant}), else its {@code source_id}, as the Go
 *       agent has it; an entry with neither has no key and goes where Kafka's sticky partitioner
 *       puts it.</li>
 *   <li>{@code round-robin}: one partition after the other, records keyed as for hash.</li>
 *   <li>{@code random}: any partition, records keyed as for hash.</li>
 * </ul>
 * The Go agent's {@code enabled} is accepted; with {@code enabled: false} records carry no key.
 */
public record Partitioning(Strategy strategy, String keyField, boolean keyed) {
    private static final Set<String> KEYS = Set.of("enabled", "strategy", "key_field");

    public enum Strategy {
        HASH("hash"), ROUND_ROBIN("round-robin"), RANDOM("random");

        private final String word;

        Strategy(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    static Partitioning read(ConfigNode sink) {
        ConfigNode node = sink.child("partitioning");
        Keys.refuseUnknown(node, KEYS);
        String s = node.text("strategy", "hash").strip().toLowerCase(Locale.ROOT);
        Strategy strategy = switch (s) {
            case "hash", "" -> Strategy.HASH;
            case "round-robin", "roundrobin", "round_robin" -> Strategy.ROUND_ROBIN;
            case "random" -> Strategy.RANDOM;
            default -> throw node.invalid("strategy", s, "must be hash, round-robin or random");
        };
        String keyField = node.text("key_field", "tenant").strip();
        return new Partitioning(strategy, keyField.isEmpty() ? "tenant" : keyField,
                node.bool("enabled", true));
    }

    @Override
    public String toString() {
        return "partitioning " + strategy.word() + (keyed ? " by " + keyField : " without keys");
    }
}
