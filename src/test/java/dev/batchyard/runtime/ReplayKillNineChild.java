package dev.batchyard.runtime;

import dev.batchyard.console.Console;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.model.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The child process of {@link ReplayKillNineTest}: opens the store as a CLI command that changes it
 * does (its recovery loop holds the backlog, so only the replay sends), starts a requeue replay of the
 * ids given at the rate given, says READY, and runs until it is killed.
 */
public final class ReplayKillNineChild {
    private ReplayKillNineChild() {
    }

    /** @param args store directory, config file, rate, then the ids */
    public static void main(String[] args) throws Exception {
        StoreLocation where = new StoreLocation(Path.of(args[0]), Path.of(args[1]));
        double rate = Double.parseDouble(args[2]);
        List<String> ids = Arrays.asList(args).subList(3, args.length);
        OpenStore store = StoreOpener.standard(Clock.systemUTC()).open(where, Mode.changing());
        Console console = store.console(new Actor("ana"));
        console.startReplay(new ReplayRequest(ReplayRequest.Action.REQUEUE, ids, null, rate));
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
