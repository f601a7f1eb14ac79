package dev.batchyard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import java.util.List;

/**
 * The demo's sink set: three simulated sinks named after the real ones, each with its own
 * character. {@code loki-demo} is fast and rarely fails; {@code elastic-demo} is slower and fails
 * one time in seven; {@code splunk-demo} is slow, fails a third of the time, and falls back to
 * {@code loki-demo} after four failed attempts or a minute of open breaker. Built as a
 * {@code sinks} section and read by the same code as {@code config.yaml}.
 */
public final class DemoSinks {
    public static final String LOKI = "loki-demo";
    public static final String ELASTIC = "elastic-demo";
    public static final String SPLUNK = "splunk-demo";

    private DemoSinks() {
    }

    public static List<String> names() {
        return List.of(LOKI, ELASTIC, SPLUNK);
    }

    public static JsonNode config() {
        ObjectNode sinks = new ObjectMapper().createObjectNode();
        simulated(sinks, LOKI, "40ms", 0.02).putObject("circuit_breaker").put("failure_threshold", 5).put("cool_down", "15s");
        simulated(sinks, ELASTIC, "120ms", 0.15).putObject("circuit_breaker").put("failure_threshold", 5).put("cool_down", "20s");
        ObjectNode splunk = simulated(sinks, SPLUNK, "250ms", 0.33);
        splunk.put("fallback", LOKI).put("fallback_after_attempts", 4).put("fallback_after_open", "1m");
        splunk.putObject("circuit_breaker").put("failure_threshold", 5).put("cool_down", "30s");
        return sinks;
    }

    public static SinkRegistry registry(SinkRuntime runtime) {
        return SinkConfig.read(config(), runtime);
    }

    private static ObjectNode simulated(ObjectNode sinks, String name, String latency, double failureRate) {
        return sinks.putObject(name).put("enabled", true).put("type", "simulated")
                .put("latency", latency).put("failure_rate", failureRate).put("max_concurrency", 4);
    }
}
