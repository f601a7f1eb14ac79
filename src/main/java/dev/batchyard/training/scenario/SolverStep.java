package dev.batchyard.training.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing the built-in solver does through the console, as an operator would: at {@code at} of
 * scenario time (or as soon as its task opens), and again every {@code every} while its task is
 * open when that is not {@code null} (traffic that keeps coming needs the action again).
 */
public record SolverStep(Duration at, Duration every, Action action) {
    public SolverStep {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
    }

    /** Which batches an action is for: those an event tagged, or every stored one waiting for a sink. */
    public sealed interface Selection {
        record Tagged(String tag) implements Selection {
        }

        record ForSink(String sink) implements Selection {
        }
    }

    /** An operator's action. */
    public sealed interface Action {
        record Reroute(Selection batches, String to) implements Action {
        }

        record Retry(Selection batches) implements Action {
        }

        record Discard(Selection batches, String reason) implements Action {
        }

        record ResumeRecovery() implements Action {
        }
    }
}
