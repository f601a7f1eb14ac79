package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the sinks' answers to the batches a {@code retry} sent, so the command reports how
 * each attempt ended rather than only that it started. An attempt with no answer in time is a
 * failure for the exit code: the process is about to end and the batch stays stored.
 */
final class RetryOutcomes {
    private final EventSubscription events;
    private final ActionReport report;

    RetryOutcomes(EventSubscription events, ActionReport report) {
        this.events = events;
        this.report = report;
    }

    List<ActionReport.Line> await(List<ActionResult> started, Duration patience) throws InterruptedException {
        Map<String, ActionReport.Line> outcome = new LinkedHashMap<>();
        started.forEach(r -> outcome.put(r.id(), r.ok() ? null : report.line(r)));
        // a timeout in real time, not the engine's (injected) notion of the current instant
        long deadline = System.nanoTime() + patience.toNanos();
        while (outcome.containsValue(null)) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            for (BatchEvent e : events.await(left, TimeUnit.MILLISECONDS)) {
                record(outcome, e);
            }
        }
        List<ActionReport.Line> results = new ArrayList<>();
        outcome.forEach((id, r) -> results.add(r != null ? r
                : report.line(id, false, "no_answer", "retry.noAnswer", patience.toSeconds())));
        return results;
    }

    private void record(Map<String, ActionReport.Line> outcome, BatchEvent event) {
        ActionReport.Line result = null;
        if (event instanceof BatchEvent.Delivered d) {
            result = report.line(d.id(), true, "delivered", "retry.delivered", d.sink());
        } else if (event instanceof BatchEvent.DeliveryFailed f) {
            result = report.line(f.id(), false, "delivery_failed", "retry.failed", f.sink(), f.reason(), f.retryCount());
        } else if (event instanceof BatchEvent.DeadLettered d) {
            result = report.line(d.id(), false, "dead", "retry.dead", d.sink(), d.reason(), d.retryCount());
        }
        if (result != null && outcome.containsKey(result.id()) && outcome.get(result.id()) == null) {
            outcome.put(result.id(), result);
        }
    }
}
