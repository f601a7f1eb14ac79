package dev.batchyard.app.demo;

import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.simulated.SimulatedSink;
import java.util.List;

/**
 * The instructor panel's controls over the real demo: the {@link TrafficGenerator} and the
 * {@link SimulatedSink}s of a {@link SinkRegistry}. Every call is a setter on an object that is
 * safe to change from any thread, so it returns at once.
 */
public final class GeneratorDemoControls implements DemoControls {
    private final TrafficGenerator generator;
    private final SinkRegistry registry;
    private final List<String> sinks;

    /** @param sinks the simulated sinks to offer, in order; names that are not simulated sinks are left out */
    public GeneratorDemoControls(TrafficGenerator generator, SinkRegistry registry, List<String> sinks) {
        this.generator = generator;
        this.registry = registry;
        this.sinks = sinks.stream().filter(name -> SimulatedSink.in(registry, name).isPresent()).toList();
    }

    @Override
    public List<String> sinks() {
        return sinks;
    }

    @Override
    public boolean trafficRunning() {
        return generator.isRunning();
    }

    @Override
    public void startTraffic() {
        generator.start();
    }

    @Override
    public void stopTraffic() {
        generator.stop();
    }

    @Override
    public double trafficRate() {
        return generator.stats().batchesPerSecond();
    }

    @Override
    public void setTrafficRate(double batchesPerSecond) {
        generator.setRate(batchesPerSecond);
    }

    @Override
    public boolean isOutage(String sink) {
        return simulated(sink).isOutage();
    }

    @Override
    public void setOutage(String sink, boolean down) {
        simulated(sink).setOutage(down);
    }

    @Override
    public double failureRate(String sink) {
        return simulated(sink).failureRate();
    }

    @Override
    public void setFailureRate(String sink, double failureRate) {
        simulated(sink).setFailureRate(failureRate);
    }

    private SimulatedSink simulated(String name) {
        return SimulatedSink.in(registry, name)
                .orElseThrow(() -> new IllegalArgumentException("no simulated sink named '" + name + "' in the registry"));
    }
}
