package dev.batchyard.app.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo controls that keep their settings in memory and write down every change, in order, as
 * text: the boundary the panel talks to, observed. (The real generator and simulated sinks live on
 * the sinks branch; the lead adapts them at merge time.)
 */
public final class RecordingDemoControls implements DemoControls {
    private final List<String> sinks;
    private final List<String> calls = new ArrayList<>();
    private final Map<String, Boolean> outage = new HashMap<>();
    private final Map<String, Double> failureRate;
    private boolean running;
    private double rate;

    /** Stopped, at {@code rate}, no sink down, each failing as often as {@code failureRates} says. */
    public RecordingDemoControls(double rate, Map<String, Double> failureRates, List<String> sinks) {
        this.sinks = List.copyOf(sinks);
        this.rate = rate;
        this.failureRate = new HashMap<>(failureRates);
    }

    public RecordingDemoControls(List<String> sinks) {
        this(5, Map.of(), sinks);
    }

    public List<String> calls() {
        return calls;
    }

    public String lastCall() {
        return calls.isEmpty() ? "" : calls.get(calls.size() - 1);
    }

    @Override
    public List<String> sinks() {
        return sinks;
    }

    @Override
    public boolean trafficRunning() {
        return running;
    }

    @Override
    public void startTraffic() {
        running = true;
        calls.add("start");
    }

    @Override
    public void stopTraffic() {
        running = false;
        calls.add("stop");
    }

    @Override
    public double trafficRate() {
        return rate;
    }

    @Override
    public void setTrafficRate(double batchesPerSecond) {
        rate = batchesPerSecond;
        calls.add("rate " + batchesPerSecond);
    }

    @Override
    public boolean isOutage(String sink) {
        return outage.getOrDefault(sink, false);
    }

    @Override
    public void setOutage(String sink, boolean down) {
        outage.put(sink, down);
        calls.add("outage " + sink + " " + down);
    }

    @Override
    public double failureRate(String sink) {
        return failureRate.getOrDefault(sink, 0.0);
    }

    @Override
    public void setFailureRate(String sink, double rate) {
        failureRate.put(sink, rate);
        calls.add("failures " + sink + " " + rate);
    }

    @Override
    public void burst(int batches) {
        calls.add("burst " + batches);
    }
}
