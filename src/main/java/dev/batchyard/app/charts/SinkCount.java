package dev.batchyard.app.charts;

/** Stored batches waiting for one sink. */
public record SinkCount(String sink, int batches) {
}
