package dev.batchyard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table on stdout and the same figures as JSON under {@code target/bench/}. */
final class Report {
    private final BenchMode mode;
    private final List<Scenario> scenarios;
    private final List<Target> targets;
    private final Map<String, Object> context;

    Report(BenchMode mode, List<Scenario> scenarios, List<Target> targets, Map<String, Object> context) {
        this.mode = mode;
        this.scenarios = scenarios;
        this.targets = targets;
        this.context = context;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("Batchyard benchmarks, mode %s: median [min-max] of %d repetitions; %s%n", mode.name(), mode.reps(),
                context.get("machine"));
        out.println(context.get("batches"));
        out.println("'x subject' = how many times better the scenario's subject is than that row (ratio of medians)");
        for (Scenario s : scenarios) {
            out.println();
            out.printf("== %s  (%s, %s is better; subject: %s)%n", s.name, s.unit, s.higherIsBetter ? "higher" : "lower",
                    s.subject);
            if (!s.note.isEmpty()) {
                out.printf("   %s%n", s.note);
            }
            for (String d : s.designs()) {
                Summary v = s.summary(d).orElseThrow();
                String mb = s.megabytes(d).map(m -> String.format("%8.1f MB/s", m.median())).orElse("");
                String ratio = d.equals(s.subject) ? "subject" : s.advantageOver(d)
                        .map(r -> String.format("x subject %.2f", r)).orElse("");
                out.printf("   %-22s %12s [%s - %s] %s  %s%n", d, fmt(v.median()), fmt(v.min()), fmt(v.max()), mb, ratio);
            }
        }
        out.println();
        out.println("== Targets (issue 9)");
        for (Target t : targets) {
            out.printf("   %-7s %-58s value %s (bound %s; %s)%n", t.verdict(), t.goal(),
                    t.value().map(Report::fmt).orElse("-"), fmt(t.bound()), t.basis());
        }
    }

    Path writeJson(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", mode.name());
        root.put("finished", Instant.now().toString());
        root.put("settings", mode);
        root.putAll(context);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s.name);
            m.put("unit", s.unit);
            m.put("higherIsBetter", s.higherIsBetter);
            m.put("subject", s.subject);
            m.put("note", s.note);
            Map<String, Object> designs = new LinkedHashMap<>();
            for (String d : s.designs()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("summary", s.summary(d).orElseThrow());
                s.megabytes(d).ifPresent(mb -> dm.put("megabytesPerSecond", mb));
                s.advantageOver(d).ifPresent(r -> dm.put("subjectAdvantage", r));
                designs.put(d, dm);
            }
            m.put("designs", designs);
            list.add(m);
        }
        root.put("scenarios", list);
        List<Map<String, Object>> t = new ArrayList<>();
        for (Target target : targets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("goal", target.goal());
            m.put("value", target.value().orElse(null));
            m.put("bound", target.bound());
            m.put("verdict", target.verdict());
            m.put("basis", target.basis());
            t.add(m);
        }
        root.put("targets", t);
        Path file = dir.resolve("results-" + mode.name() + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        return file;
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format("%.0f", v);
        } else if (a >= 10) {
            return String.format("%.1f", v);
        } else if (a >= 0.1) {
            return String.format("%.3f", v);
        }
        return String.format("%.4f", v);
    }
}
