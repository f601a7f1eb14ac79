package dev.batchyard.app.demo;

import java.util.List;

/**
 * What the instructor panel can do to the demo: the traffic generator and the simulated sinks.
 * Kept this small on purpose so that the real generator and sinks can be adapted to it in a few
 * lines at the composition root.
 *
 * <p>Calls come from the FX thread and must return quickly (set a value, flip a flag); an
 * implementation that needs to do real work hands it to its own thread.
 */
public interface DemoControls {

    /** Names of the simulated sinks, in the order the panel lists them. */
    List<String> sinks();

    void startTraffic();

    void stopTraffic();

    /** New batches per second the generator persists while running; zero or more. */
    void setTrafficRate(double batchesPerSecond);

    /** A sink that is down fails every delivery (as if unreachable) until healed. */
    void setOutage(String sink, boolean down);

    /** The share of deliveries a sink fails while up, from 0 (never) to 1 (always). */
    void setFailureRate(String sink, double failureRate);
}
