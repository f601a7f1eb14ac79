package dev.batchyard.cli;

import dev.batchyard.model.Actor;
import dev.batchyard.runtime.StoreOpener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the commands get from outside: where to print, the clock, how to open a store, who
 * acts when {@code --as} is not given, and how long {@code retry} waits for the sinks' answers.
 */
public record CliContext(PrintWriter out, PrintWriter err, Clock clock, StoreOpener opener, Actor defaultActor,
                         Duration retryWait) {

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(defaultActor, "defaultActor");
        Objects.requireNonNull(retryWait, "retryWait");
    }

    /** The real process: stdout, stderr, the system clock, the OS user, config.yaml. */
    public static CliContext system() {
        Clock clock = Clock.systemDefaultZone();
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true), clock,
                StoreOpener.standard(clock), Actor.osUser(), Duration.ofSeconds(30));
    }
}
