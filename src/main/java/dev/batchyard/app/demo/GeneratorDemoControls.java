package dev.batchyard.app.demo;

import dev.batchyard.demo.TrafficGenerator;
import dev.batchyard.runtime.SimulatedSinks;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The instructor panel's controls over the real demo: the {@link TrafficGenerator} and the
 * runtime's {@link SimulatedSinks}. Every call is a setter on an object that is safe to change from
 * any thread, so it returns at once.
 */
public final class GeneratorDemoControls implements DemoControls {
    private final TrafficGenerator generator;
    private final SimulatedSinks simulated;
    private final List<String> sinks;

    /** @param sinks the simulated sinks to offer, in order; names that are not simulated sinks are left out */
    public GeneratorDemoControls(TrafficGenerator generator, SimulatedSinks simulated, List<String> sinks) {
        this.generator = generator;
        this.simulated = simulated;
        this.sinks = sinks.stream().filter(simulated::has).toList();
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
        return simulated.isOutage(sink);
    }

    @Override
    public void setOutage(String sink, boolean down) {
        simulated.setOutage(sink, down);
    }

    @Override
    public double failureRate(String sink) {
        return simulated.failureRate(sink);
    }

    @Override
    public void setFailureRate(String sink, double failureRate) {
        simulated.setFailureRate(sink, failureRate);
    }

    /**
     * On a thread of its own, so the caller (the UI thread) never waits for the disk. A batch the
     * store refuses (back pressure, a closed store) ends the burst: the generator's stats say why.
     */
    @Override
    public void burst(int batches) {
        Thread burst = new Thread(() -> {
            try {
                for (int i = 0; i < batches; i++) {
                    generator.generateOnce();
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(GeneratorDemoControls.class).warn("demo burst stopped: {}", e.getMessage());
            }
        }, "demo-burst");
        burst.setDaemon(true);
        burst.start();
    }
}
