package dev.batchyard.sink.kafka;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.sink.ConfigNode;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.SinkStatus;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.TestBatches;
import java.time.Clock;
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

    /** The sink layer (lanes, breakers) over one kafka sink named {@code kafka}; close its registry. */
    static SinkDelivery delivery(String yaml) {
        Clock clock = Clock.systemUTC();
        SinkRegistry registry = SinkConfig.read(TestBatches.sinks("sinks:\n  kafka:\n    enabled: true\n" + yaml.indent(4)),
                SinkRuntime.create(clock, 1));
        return new SinkDelivery(registry, new EventBus(clock), clock);
    }

    /** Sends a batch through the sink layer and answers the sink's status afterwards. */
    static SinkStatus statusAfter(SinkDelivery delivery, Batch batch) throws Exception {
        delivery.deliver(batch).get(60, TimeUnit.SECONDS);
        return delivery.status("kafka").orElseThrow();
    }

    static DeliveryOutcome deliver(KafkaSink sink, Batch batch) throws Exception {
        return sink.deliver(batch).get(60, TimeUnit.SECONDS);
    }
}
