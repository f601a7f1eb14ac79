package dev.batchyard.cli;

import dev.batchyard.console.Console;
import dev.batchyard.engine.ReplayRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --rate N}: a bulk retry, requeue or reroute run as a throttled replay, N batches a second,
 * with its progress shown until it is done ({@link ReplayProgress}).
 */
final class RateOption {
    @Option(names = "--rate", paramLabel = "N", descriptionKey = "option.rate")
    Double rate;

    boolean given() {
        return rate != null;
    }

    /** A usage error naming the value, before anything is opened: 0, below 0, not a number, too fast. */
    void check(CommandSpec spec) {
        if (rate != null && (!(rate > 0) || rate > ReplayRequest.MAX_RATE)) {
            throw new ParameterException(spec.commandLine(), "--rate: " + ReplayRequest.rateProblem(rate));
        }
    }

    /** Starts the replay of {@code action} on {@code ids} and follows it; the exit code. */
    int run(Console console, ReplayRequest.Action action, List<String> ids, String sink, Messages messages,
            boolean json, PrintWriter out) {
        if (ids.isEmpty()) {
            out.println(messages.get("replay.nothing"));
            return 0;
        }
        try {
            console.startReplay(new ReplayRequest(action, ids, sink, rate));
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage(), e);
        }
        return new ReplayProgress(messages, json).follow(console, out);
    }
}
