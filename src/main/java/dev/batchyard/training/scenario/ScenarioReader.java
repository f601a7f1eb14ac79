package dev.batchyard.training.scenario;

import dev.batchyard.config.ByteSize;
import dev.batchyard.demo.DemoSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file. The format, by example:
 * <pre>
 * name: splunk-outage                 # lower case, digits and '-'
 * title:   {en: Splunk is down, pt: O Splunk caiu}
 * summary: {en: ..., pt: ...}
 * store: {max_pending_batches: 150, max_pending_bytes: 4MiB, max_recovery_retries: 2, batch_ttl: 24h}  # optional
 * traffic: {per_second: 2, entries: 20, sinks: [loki-demo]}                                            # optional
 * timeline:                           # each entry: 'at' and one event
 *   - {at: 0s, break: splunk-demo}
 *   - {at: 1s, burst: {tag: backlog, sink: splunk-demo, batches: 40, entries: 10}}
 * tasks:
 *   - id: reroute
 *     goal: {en: ..., pt: ...}
 *     opens_at: 0s                    # optional
 *     within: 3m
 *     hints: [{en: ..., pt: ...}]
 *     explanation: {en: ..., pt: ...}
 *     check: [{rerouted: {batches: backlog, to: loki-demo}}, {delivered: {batches: backlog}}]
 *     keep:  [{none_lost: backlog}]
 *     solution: [{reroute: {batches: backlog, to: loki-demo}}]   # each may have 'at' and 'every'
 * </pre>
 * Events: {@code break}, {@code heal} (a sink), {@code failure_rate} ({@code sink}, {@code rate}),
 * {@code latency} ({@code sink}, {@code latency}), {@code burst}, {@code poison}
 * ({@code tag, sink, batches}), {@code ttl_wave} ({@code tag, sink, batches, age}), {@code fill}
 * ({@code tag, sink, percent}), {@code flap} ({@code sink, period, times}), {@code crash},
 * {@code cleanup}, {@code pause_recovery} (any value). Checks: {@code delivered}
 * ({@code batches}, optional {@code to}), {@code rerouted} ({@code batches, to}), {@code discarded},
 * {@code none_lost} (a tag), {@code no_refusals}, {@code recovery_running} (any value). Solver
 * actions: {@code reroute} ({@code batches} or {@code sink}, {@code to}), {@code retry},
 * {@code discard} ({@code batches} or {@code sink}, optional {@code reason}), {@code resume_recovery}.
 * Sinks are the demo's ({@link DemoSinks#names()}); every tag a check or step names must be made
 * by an event. Every error names the file, the line and the key.
 */
public final class ScenarioReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private final ScenarioSource source;
    private final Set<String> tags = new HashSet<>();

    private ScenarioReader(ScenarioSource source) {
        this.source = source;
    }

    /** @throws ScenarioException naming the file, line and key of what cannot be used */
    public static Scenario read(String yaml, ScenarioSource source) {
        return new ScenarioReader(source).scenario(YamlNode.parse(yaml, source));
    }

    private Scenario scenario(YamlNode root) {
        Fields f = new Fields(root, source);
        String name = f.text("name");
        if (!NAME.matcher(name).matches()) {
            throw f.problem("name", "must be lower-case letters, digits and '-' (at most 63), not '" + name + "'");
        }
        Text title = f.bilingual("title");
        Text summary = f.bilingual("summary");
        Scenario.StoreSettings store = f.has("store") ? store(f.map("store")) : Scenario.StoreSettings.defaults();
        f.optional("store");
        Scenario.Traffic traffic = f.has("traffic") ? traffic(f.map("traffic")) : null;
        f.optional("traffic");
        List<TimedEvent> timeline = new ArrayList<>();
        for (YamlNode entry : f.list("timeline")) {
            timeline.add(timed(new Fields(entry, source)));
        }
        List<YamlNode> taskNodes = f.list("tasks");
        if (taskNodes.isEmpty()) {
            throw f.problem("tasks", "must list at least one task");
        }
        List<Task> tasks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode node : taskNodes) {
            Task task = task(new Fields(node, source));
            if (!ids.add(task.id())) {
                throw new ScenarioException(source, node.line(), node.path() + ".id", "a second task '" + task.id() + "'");
            }
            tasks.add(task);
        }
        f.done();
        return new Scenario(name, title, summary, store, traffic, timeline, tasks);
    }

    private Scenario.StoreSettings store(Fields f) {
        Integer pending = f.has("max_pending_batches") ? f.integer("max_pending_batches", 1, 1_000_000) : null;
        Long bytes = f.optional("max_pending_bytes").map(v -> {
            try {
                return ByteSize.parse(f.scalar(v));
            } catch (RuntimeException e) {
                throw f.error(v, "must be a size such as 4MiB, not '" + v.value() + "'");
            }
        }).orElse(null);
        Integer retries = f.has("max_recovery_retries") ? f.integer("max_recovery_retries", 0, 100) : null;
        Duration ttl = f.optionalDuration("batch_ttl").orElse(null);
        f.done();
        return new Scenario.StoreSettings(pending, bytes, retries, ttl);
    }

    private Scenario.Traffic traffic(Fields f) {
        YamlNode rateNode = f.required("per_second");
        double rate;
        try {
            rate = Double.parseDouble(f.scalar(rateNode));
        } catch (NumberFormatException e) {
            rate = -1;
        }
        if (!(rate > 0 && rate <= 50)) {
            throw f.error(rateNode, "must be a number of batches per second above 0 and at most 50");
        }
        int entries = f.integer("entries", 1, 1000, 10);
        List<String> sinks = new ArrayList<>();
        for (YamlNode s : f.list("sinks")) {
            sinks.add(sink(f, s));
        }
        if (sinks.isEmpty()) {
            throw f.problem("sinks", "must name at least one sink");
        }
        f.done();
        return new Scenario.Traffic(rate, entries, sinks);
    }

    private TimedEvent timed(Fields f) {
        Duration at = f.duration("at");
        String kind = only(f, "event");
        ScenarioEvent event = new EventReader(this, f).event(kind);
        f.done();
        return new TimedEvent(at, event);
    }

    private Task task(Fields f) {
        String id = f.text("id");
        if (!NAME.matcher(id).matches()) {
            throw f.problem("id", "must be lower-case letters, digits and '-', not '" + id + "'");
        }
        Text goal = f.bilingual("goal");
        Duration opens = f.optionalDuration("opens_at").orElse(Duration.ZERO);
        Duration within = f.duration("within");
        if (within.isZero()) {
            throw f.problem("within", "must be more than 0s");
        }
        List<Text> hints = f.list("hints").stream().map(f::bilingual).toList();
        Text explanation = f.bilingual("explanation");
        CheckReader checks = new CheckReader(this);
        List<Check> check = f.list("check").stream().map(n -> checks.check(new Fields(n, source))).toList();
        List<Check> keep = f.list("keep").stream().map(n -> checks.check(new Fields(n, source))).toList();
        if (check.isEmpty() && keep.isEmpty()) {
            throw f.problem("check", "a task needs at least one condition in 'check' or 'keep'");
        }
        List<SolverStep> solution = f.list("solution").stream().map(n -> new StepReader(this).step(new Fields(n, source))).toList();
        if (solution.isEmpty()) {
            throw f.problem("solution", "must list the steps that solve the task (the solver proves it can be done)");
        }
        f.done();
        return new Task(id, goal, opens, within, hints, explanation, check, keep, solution);
    }

    /** The one key of {@code f} besides those already read ({@code at}, {@code every}). */
    String only(Fields f, String what) {
        List<String> left = f.keys().stream().filter(k -> !k.equals("at") && !k.equals("every")).toList();
        if (left.size() != 1) {
            throw new ScenarioException(source, f.node().line(), f.node().path(),
                    "must hold exactly one " + what + ", not " + (left.isEmpty() ? "none" : String.join(", ", left)));
        }
        return left.get(0);
    }

    String sink(Fields f, YamlNode v) {
        String name = f.scalar(v);
        if (!DemoSinks.names().contains(name)) {
            throw f.error(v, "no sink '" + name + "' (the demo's sinks are " + String.join(", ", DemoSinks.names()) + ")");
        }
        return name;
    }

    String newTag(Fields f, String key) {
        String tag = f.text(key);
        if (!NAME.matcher(tag).matches() || !tags.add(tag)) {
            throw f.problem(key, "must be a new name of lower-case letters, digits and '-', not '" + tag + "'");
        }
        return tag;
    }

    String knownTag(Fields f, YamlNode v) {
        String tag = f.scalar(v);
        if (!tags.contains(tag)) {
            throw f.error(v, "no event makes batches tagged '" + tag + "' (tags: " + String.join(", ", tags) + ")");
        }
        return tag;
    }

    ScenarioSource source() {
        return source;
    }
}
