package dev.batchyard.training.scenario;

import java.time.Duration;

/** Reads one step of a task's {@code solution} (see {@link ScenarioReader}). */
final class StepReader {
    private final ScenarioReader reader;

    StepReader(ScenarioReader reader) {
        this.reader = reader;
    }

    SolverStep step(Fields f) {
        Duration at = f.optionalDuration("at").orElse(Duration.ZERO);
        Duration every = f.optionalDuration("every").orElse(null);
        if (every != null && every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw f.problem("every", "must be at least 1s");
        }
        String kind = reader.only(f, "action");
        SolverStep.Action action = switch (kind) {
            case "resume_recovery" -> {
                f.optional(kind);
                yield new SolverStep.Action.ResumeRecovery();
            }
            case "reroute" -> {
                Fields a = f.map(kind);
                SolverStep.Action r = new SolverStep.Action.Reroute(selection(a), reader.sink(a, a.required("to")));
                a.done();
                yield r;
            }
            case "retry" -> {
                Fields a = f.map(kind);
                SolverStep.Action r = new SolverStep.Action.Retry(selection(a));
                a.done();
                yield r;
            }
            case "discard" -> {
                Fields a = f.map(kind);
                SolverStep.Action r = new SolverStep.Action.Discard(selection(a),
                        a.optionalText("reason").orElse("discarded by the training solver"));
                a.done();
                yield r;
            }
            default -> throw f.problem(kind, "is not an action (reroute, retry, discard, resume_recovery)");
        };
        f.done();
        return new SolverStep(at, every, action);
    }

    private SolverStep.Selection selection(Fields a) {
        if (a.has("batches") == a.has("sink")) {
            throw new ScenarioException(reader.source(), a.node().line(), a.node().path(),
                    "must name either 'batches' (a tag) or 'sink', not " + (a.has("sink") ? "both" : "neither"));
        }
        return a.has("batches") ? new SolverStep.Selection.Tagged(reader.knownTag(a, a.required("batches")))
                : new SolverStep.Selection.ForSink(reader.sink(a, a.required("sink")));
    }
}
