package dev.batchyard.serve.auth;

/** What a route does to the store, and so which roles may call it. */
public enum Access {
    /** Nothing: {@code /healthz}. No token needed. */
    NONE,
    /** Reads: batches, stats, sinks, audit, events, metrics. */
    READ,
    /** Adds batches: the ingest routes. */
    INGEST,
    /** Changes what is stored or how it is delivered: retry, discard, reroute, pause, cleanup. */
    CHANGE
}
