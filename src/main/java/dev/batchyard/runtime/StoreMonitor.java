package dev.batchyard.runtime;

import dev.batchyard.engine.SinkBacklog;
import java.util.List;

/**
 * What a long-running service reads about its store many times a minute, besides its consoles: the
 * backlog per sink and state (for {@code /metrics}) and why the store stopped taking writes (for
 * {@code /healthz}). It is not on the {@link dev.batchyard.console.Console} on purpose: it is the
 * process's own instrumentation, read with no actor and nothing audited, at each scrape in one
 * pass over the index in memory (no disk read); a console across a network has {@code stats()} and
 * {@code sinks()} for what an operator looks at. Thread-safe.
 */
public interface StoreMonitor {

    /** One row per sink and state that has batches: how many, their bytes, the oldest's creation. */
    List<SinkBacklog> backlog();

    /** Why the store does not take writes now (a failed or full disk), or empty while it does. */
    String healthProblem();
}
