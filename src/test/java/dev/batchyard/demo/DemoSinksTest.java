package dev.batchyard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.sink.ConfiguredSink;
import dev.batchyard.sink.RecoveryStrategy;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DemoSinksTest {

    @Test
    void buildsThreeSimulatedSinksWithDifferentCharacters() {
        try (SinkRegistry inTest = DemoSinks.registry(SinkRuntime.create(Clock.systemUTC(), 1))) {
            assertEquals(DemoSinks.names(), inTest.sinks().stream().map(ConfiguredSink::name).toList());
            double loki = SimulatedSink.in(inTest, DemoSinks.LOKI).orElseThrow().failureRate();
            double splunk = SimulatedSink.in(inTest, DemoSinks.SPLUNK).orElseThrow().failureRate();
            assertTrue(loki < splunk);
        }
    }

    @Test
    void splunkDemoFallsBackToLokiDemo() {
        try (SinkRegistry inTest = DemoSinks.registry(SinkRuntime.create(Clock.systemUTC(), 1))) {
            RecoveryStrategy r = inTest.find(DemoSinks.SPLUNK).orElseThrow().policy().recovery();
            assertEquals(DemoSinks.LOKI, ((RecoveryStrategy.Fallback) r).target());
        }
    }
}
