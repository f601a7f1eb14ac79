package dev.batchyard.app.charts;

/** Deliveries and failed attempts within one second of the engine clock. */
public record RatePoint(long epochSecond, int delivered, int failed) {
}
