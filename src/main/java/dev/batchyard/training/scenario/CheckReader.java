package dev.batchyard.training.scenario;

/** Reads one condition of a task's {@code check} or {@code keep} (see {@link ScenarioReader}). */
final class CheckReader {
    private final ScenarioReader reader;

    CheckReader(ScenarioReader reader) {
        this.reader = reader;
    }

    Check check(Fields f) {
        String kind = reader.only(f, "condition");
        Check check = switch (kind) {
            case "delivered" -> {
                Fields a = f.map(kind);
                Check c = new Check.Delivered(reader.knownTag(a, a.required("batches")),
                        a.optional("to").map(v -> reader.sink(a, v)).orElse(null));
                a.done();
                yield c;
            }
            case "rerouted" -> {
                Fields a = f.map(kind);
                Check c = new Check.Rerouted(reader.knownTag(a, a.required("batches")), reader.sink(a, a.required("to")));
                a.done();
                yield c;
            }
            case "discarded" -> new Check.Discarded(reader.knownTag(f, f.required(kind)));
            case "none_lost" -> new Check.NoneLost(reader.knownTag(f, f.required(kind)));
            case "no_refusals" -> {
                f.optional(kind);
                yield new Check.NoRefusals();
            }
            case "recovery_running" -> {
                f.optional(kind);
                yield new Check.RecoveryRunning();
            }
            default -> throw f.problem(kind, "is not a condition (delivered, rerouted, discarded, none_lost, "
                    + "no_refusals, recovery_running)");
        };
        f.done();
        return check;
    }
}
