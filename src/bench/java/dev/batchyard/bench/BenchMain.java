package dev.batchyard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the whole suite (issue 9): {@code ./mvnw -B -Pbench verify -Dbench.mode=quick|full|smoke}.
 * Prints the table and writes {@code target/bench/results-<mode>.json}. Timings never fail the
 * build; only a broken harness does.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchMode mode = BenchMode.named(System.getProperty("bench.mode", "quick"));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Scratch scratch = new Scratch(Path.of(System.getProperty("bench.scratch", out.resolve("scratch").toString())));
        Progress.line("mode " + mode + ", scratch " + scratch.root());
        SamplePool pool = new SamplePool();
        for (SizeClass size : SizeClass.values()) {
            Progress.line(String.format("batch %s: %d entries, %.0f bytes as Go pretty JSON", size.label, size.entries,
                    pool.meanGoBytes(size)));
        }
        List<Design.Factory> endToEnd = designs(List.of(BatchyardDesign.factory(), SeedFileDesign.factory(false),
                SeedFileDesign.factory(true), SqliteDesign.factory(), RawAppendDesign.factory()));
        // -Dbench.only=throughput,backlog,reopen,ingest,admin,remote,search,codec runs a subset (for profiling one part)
        Set<String> parts = Set.of(System.getProperty("bench.only", "throughput,backlog,reopen,ingest,admin,remote,search,codec")
                .split(","));
        List<Scenario> scenarios = new ArrayList<>();
        if (parts.contains("throughput")) {
            // a timed run of the raw limit into it, 2 s at up to 32,000 batches/s of 7.8 KB, stays inside the zeros
            // (the first full run, with 384 MB, outgrew them near its end at 28,000/s)
            long preWritten = Long.getLong("bench.rawPreWrittenMB", mode.runMillis() >= 2_000 ? 512 : 64) << 20;
            scenarios.addAll(new ThroughputSuite(mode, pool, scratch, endToEnd, LogStoreDesign.factory(),
                    RawAppendDesign.preWritten(preWritten)).run());
        }
        if (parts.contains("backlog")) {
            scenarios.add(new BacklogSuite(mode, pool, scratch).run());
        }
        if (parts.contains("reopen")) {
            scenarios.addAll(new ReopenSuite(mode, pool, scratch).run());
        }
        if (parts.contains("ingest")) {
            scenarios.addAll(new IngestSuite(mode, scratch).run());
        }
        if (parts.contains("admin")) {
            scenarios.addAll(new AdminPageSuite(mode, pool, scratch).run());
        }
        if (parts.contains("remote")) {
            scenarios.addAll(new RemoteSuite(mode, pool, scratch).run());
        }
        if (parts.contains("search")) {
            scenarios.addAll(new SearchSuite(mode, pool, scratch).run());
        }
        if (mode.jmh() && parts.contains("codec")) {
            scenarios.addAll(new CodecSuite(mode).run());
        }
        Map<String, Scenario> byName = new LinkedHashMap<>();
        scenarios.forEach(s -> byName.put(s.name, s));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("machine", Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                + System.getProperty("java.version") + ", heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        StringBuilder sizes = new StringBuilder("batches (mean Go pretty JSON file):");
        for (SizeClass size : SizeClass.values()) {
            sizes.append(String.format(" %s = %d entries, %.0f B;", size.label, size.entries, pool.meanGoBytes(size)));
        }
        context.put("batches", sizes.toString());
        Report report = new Report(mode, scenarios, Target.check(byName, mode), context);
        report.print(System.out);
        Path json = report.writeJson(out);
        System.out.println();
        System.out.println("JSON: " + json);
        // the scratch root is not removed here: unlinking ~10^4 files takes minutes on a busy disk;
        // the next run clears it first, ./mvnw clean removes it
        System.out.println("scratch left in " + scratch.root());
    }

    /**
     * {@code -Dbench.designs=batchyard,raw-limit} keeps only the named end-to-end designs (for profiling one
     * comparison: the JSON-file and SQLite designs take most of a throughput run); empty or absent keeps all.
     */
    private static List<Design.Factory> designs(List<Design.Factory> all) {
        String wanted = System.getProperty("bench.designs", "").trim();
        if (wanted.isEmpty()) {
            return all;
        }
        Set<String> names = Set.copyOf(List.of(wanted.split(",")));
        List<Design.Factory> kept = all.stream().filter(f -> names.contains(f.name())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("bench.designs names none of " + all.stream().map(Design.Factory::name).toList());
        }
        return kept;
    }
}
