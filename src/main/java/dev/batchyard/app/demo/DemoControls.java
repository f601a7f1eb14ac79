package dev.batchyard.app.demo;

import java.util.List;

/**
 * What the instructor panel can read and change in the demo: the traffic generator and the
 * simulated sinks. Kept this small on purpose so that the real generator
 * ({@code dev.batchyard.demo.TrafficGenerator}) and sinks
 * ({@code dev.batchyard.runtime.SimulatedSinks}) can be adapted to it in a few lines at the
 * composition root.
 *
 * <p>Calls come from the FX thread and must return quickly (set a value, flip a flag); an
 * implementation that needs to do real work hands it to its own thread.
 */
public interface DemoControls {

    /** Names of the simulated sinks, in the order the panel lists them. */
    List<String> sinks();

    boolean trafficRunning();

    void startTraffic();

    void stopTraffic();

    /** New batches per second the generator persists while running. */
    double trafficRate();

    /** Sets the generator's rate; the panel only passes values it was told are allowed. */
    void setTrafficRate(double batchesPerSecond);

    /** True while {@code sink} fails every delivery (as if unreachable). */
    boolean isOutage(String sink);

    void setOutage(String sink, boolean down);

    /** The share of deliveries {@code sink} fails while up, from 0 (never) to 1 (always). */
    double failureRate(String sink);

    void setFailureRate(String sink, double failureRate);

    /** Persists {@code batches} batches at once, on top of the running traffic (on a thread of the implementation's). */
    void burst(int batches);
}
