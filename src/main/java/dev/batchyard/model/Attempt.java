package dev.batchyard.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One delivery attempt of a batch: when, where, how long, how it ended. */
public record Attempt(Instant at, String sink, Duration duration, Outcome outcome, String error) {

    /** How an attempt ended. */
    public enum Outcome { DELIVERED, FAILED, TIMED_OUT }

    public Attempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
        error = error == null ? "" : error;
    }
}
