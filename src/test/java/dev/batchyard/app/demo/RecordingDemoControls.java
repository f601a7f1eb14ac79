package dev.batchyard.app.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Demo controls that write down every call, in order, as text: the boundary the panel talks to,
 * observed. (The real generator lives on the sinks branch; the lead adapts it at merge time.)
 */
public final class RecordingDemoControls implements DemoControls {
    private final List<String> sinks;
    private final List<String> calls = new ArrayList<>();

    public RecordingDemoControls(List<String> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    public List<String> calls() {
        return calls;
    }

    public String lastCall() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public List<String> sinks() {
        return sinks;
    }

    @Override
    public void startTraffic() {
        calls.add("start");
    }

    @Override
    public void stopTraffic() {
        calls.add("stop");
    }

    @Override
    public void setTrafficRate(double batchesPerSecond) {
        calls.add("rate " + batchesPerSecond);
    }

    @Override
    public void setOutage(String sink, boolean down) {
        calls.add("outage " + sink + " " + down);
    }

    @Override
    public void setFailureRate(String sink, double failureRate) {
        calls.add("failures " + sink + " " + failureRate);
    }
}
