package dev.batchyard.sink.config;

import dev.batchyard.sink.ConfigNode;
import dev.batchyard.sink.EntryJson;
import dev.batchyard.sink.Sink;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.file.LocalFileSink;
import dev.batchyard.sink.http.ElasticsearchSink;
import dev.batchyard.sink.http.JsonArraySink;
import dev.batchyard.sink.http.LokiSink;
import dev.batchyard.sink.http.SplunkSink;
import dev.batchyard.sink.kafka.KafkaSink;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.util.List;

/**
 * Builds one sink from its config. A sink's type is its key under {@code sinks} when that key is a
 * type name (the Go agent's shape: {@code sinks.loki}), otherwise its {@code type} key
 * ({@code sinks.loki-demo.type: simulated}).
 */
final class SinkFactory {
    static final List<String> TYPES = List.of("loki", "elasticsearch", "splunk", "kafka", "local_file", "http",
            "simulated");
    /** Sinks the Go agent has and Batchyard cannot deliver to; their batches wait as "not configured". None now. */
    static final List<String> UNSUPPORTED = List.of();

    private final EntryJson json;
    private final SinkRuntime runtime;

    SinkFactory(EntryJson json, SinkRuntime runtime) {
        this.json = json;
        this.runtime = runtime;
    }

    static String typeOf(String name, ConfigNode node) {
        String type = node.text("type", TYPES.contains(name) || UNSUPPORTED.contains(name) ? name : "").strip();
        if (!TYPES.contains(type) && !UNSUPPORTED.contains(type)) {
            throw node.invalid("type", type, "must be one of " + String.join(", ", TYPES));
        }
        return type;
    }

    Sink create(String name, String type, ConfigNode node) {
        switch (type) {
            case "loki":
                return LokiSink.read(name, node, json);
            case "elasticsearch":
                return ElasticsearchSink.read(name, node, json);
            case "splunk":
                return SplunkSink.read(name, node, json);
            case "kafka":
                return KafkaSink.read(name, node, json, runtime.io());
            case "http":
                return JsonArraySink.read(name, node, json);
            case "local_file":
                return LocalFileSink.read(name, node, json, runtime.clock(), runtime.io());
            case "simulated":
                return SimulatedSink.read(name, node, runtime.scheduler(), runtime.randomFor(name));
            default:
                throw node.invalid("type", type, "is not supported by Batchyard; disable it");
        }
    }
}
