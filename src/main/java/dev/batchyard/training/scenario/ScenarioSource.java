package dev.batchyard.training.scenario;

/**
 * Where a scenario was read from, as its errors name it: a built-in's resource name
 * ({@code built-in splunk-outage.yaml}) or a trainer's file path.
 */
public record ScenarioSource(String name) {
    @Override
    public String toString() {
        return name;
    }
}
