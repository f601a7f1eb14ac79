package dev.batchyard.sink.kafka;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.testsupport.TestBatches;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Kafka sinks read from a YAML block as {@code sinks.kafka}, sending on shared daemon threads. */
final class KafkaSinks {
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-kafka-io");
        t.setDaemon(true);
        return t;
    });

    private KafkaSinks() {
    }

    /** The sink {@code sinks.kafka} of a config whose kafka block is {@code yaml}. */
    static KafkaSink read(String yaml) {
        ConfigNode node = new ConfigNode(TestBatches.sinks("sinks:\n  kafka:\n" + yaml.indent(4)).get("kafka"), "sinks.kafka");
        return KafkaSink.read("kafka", node, new EntryJson(), IO);
    }

    static DeliveryOutcome deliver(KafkaSink sink, Batch batch) throws Exception {
        return sink.deliver(batch).get(60, TimeUnit.SECONDS);
    }
}
