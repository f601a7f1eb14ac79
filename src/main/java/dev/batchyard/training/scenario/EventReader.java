package dev.batchyard.training.scenario;

import java.time.Duration;

/** Reads the one event of a timeline entry (see {@link ScenarioReader} for the keys). */
final class EventReader {
    private final ScenarioReader reader;
    private final Fields f;

    EventReader(ScenarioReader reader, Fields f) {
        this.reader = reader;
        this.f = f;
    }

    ScenarioEvent event(String kind) {
        return switch (kind) {
            case "break" -> new ScenarioEvent.Break(reader.sink(f, f.required(kind)));
            case "heal" -> new ScenarioEvent.Heal(reader.sink(f, f.required(kind)));
            case "crash" -> marker(kind, new ScenarioEvent.Crash());
            case "cleanup" -> marker(kind, new ScenarioEvent.Cleanup());
            case "pause_recovery" -> marker(kind, new ScenarioEvent.PauseRecovery());
            case "failure_rate" -> withArgs(kind, a -> new ScenarioEvent.FailureRate(sink(a), a.fraction("rate")));
            case "latency" -> withArgs(kind, a -> {
                Duration latency = a.duration("latency");
                if (latency.compareTo(Duration.ofSeconds(30)) > 0) {
                    throw a.problem("latency", "must be at most 30s");
                }
                return new ScenarioEvent.Latency(sink(a), latency);
            });
            case "burst" -> withArgs(kind, a -> new ScenarioEvent.Burst(reader.newTag(a, "tag"), sink(a),
                    a.integer("batches", 1, 5000), a.integer("entries", 1, 1000, 10)));
            case "poison" -> withArgs(kind, a -> new ScenarioEvent.Poison(reader.newTag(a, "tag"), sink(a),
                    a.integer("batches", 1, 1000)));
            case "ttl_wave" -> withArgs(kind, a -> new ScenarioEvent.TtlWave(reader.newTag(a, "tag"), sink(a),
                    a.integer("batches", 1, 5000), a.duration("age")));
            case "fill" -> withArgs(kind, a -> new ScenarioEvent.Fill(reader.newTag(a, "tag"), sink(a),
                    a.integer("percent", 1, 99)));
            case "flap" -> withArgs(kind, a -> {
                Duration period = a.duration("period");
                if (period.isZero()) {
                    throw a.problem("period", "must be more than 0s");
                }
                return new ScenarioEvent.Flap(sink(a), period, a.integer("times", 1, 100));
            });
            default -> throw f.problem(kind, "is not an event (break, heal, failure_rate, latency, burst, poison, "
                    + "ttl_wave, fill, flap, crash, cleanup, pause_recovery)");
        };
    }

    private ScenarioEvent marker(String kind, ScenarioEvent event) {
        f.optional(kind); // its value says nothing: "crash: now", "crash: {}"
        return event;
    }

    private ScenarioEvent withArgs(String kind, java.util.function.Function<Fields, ScenarioEvent> make) {
        Fields args = f.map(kind);
        ScenarioEvent event = make.apply(args);
        args.done();
        return event;
    }

    private String sink(Fields a) {
        return reader.sink(a, a.required("sink"));
    }
}
