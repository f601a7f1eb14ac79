package dev.batchyard.bench;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/** Runs {@link CodecBenchmarks} in a forked JVM and turns its iterations into two scenarios. */
final class CodecSuite {
    private final BenchMode mode;

    CodecSuite(BenchMode mode) {
        this.mode = mode;
    }

    List<Scenario> run() throws Exception {
        boolean full = mode.name().equals("full");
        TimeValue slice = full ? TimeValue.seconds(1) : TimeValue.milliseconds(250);
        Options options = new OptionsBuilder()
                .include(CodecBenchmarks.class.getName())
                .forks(1)
                .jvmArgs("-Xmx512m")
                .warmupIterations(full ? 5 : 2).warmupTime(slice)
                .measurementIterations(full ? 5 : 3).measurementTime(slice)
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Progress.line("JMH codec benchmarks (forked JVM)");
        Collection<RunResult> results = new Runner(options).run();
        Scenario encode = new Scenario("codec encode, 100 entries (JMH)", "us/op", false, "binary",
                "store codec (binary, v2) vs Smile (v1) and Go MarshalIndent-shaped JSON; per-iteration averages");
        Scenario decode = new Scenario("codec decode, 100 entries (JMH)", "us/op", false, "binary", "");
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            Scenario target = method.endsWith("Encode") ? encode : decode;
            String design = method.startsWith("binary") ? "binary" : method.startsWith("smile") ? "smile" : "go-pretty-json";
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    target.add(design, i.getPrimaryResult().getScore());
                }
            }
        }
        return List.of(encode, decode);
    }
}
