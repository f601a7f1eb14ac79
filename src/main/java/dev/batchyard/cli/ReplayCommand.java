package dev.batchyard.cli;

import dev.batchyard.engine.ReplayControl;
import dev.batchyard.engine.ReplayStatus;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code replay status|pause|resume|cancel}: the store's throttled replay (started by
 * {@code retry|requeue|reroute --rate N}, the window or the admin API). {@code resume} runs it here,
 * showing progress, until it is done: a replay left running by a process that ended is taken up where
 * it stopped. Pausing or cancelling a replay that a window or {@code serve} is running needs that
 * process (it holds the store): use its own controls.
 */
@Command(name = "replay", mixinStandardHelpOptions = true)
final class ReplayCommand extends StoreCommand {
    @Parameters(paramLabel = "WHAT", descriptionKey = "param.replayWhat")
    String what;

    @Option(names = "--as", paramLabel = "NAME", descriptionKey = "option.as")
    String actorName;

    @Override
    int run() {
        String w = what.toLowerCase(Locale.ROOT);
        ReplayProgress progress = new ReplayProgress(messages(), json);
        if (w.equals("status")) {
            try (CommandConsole store = access().reading(storeOptions)) {
                Optional<ReplayStatus> status = store.console().replay();
                if (status.isEmpty()) {
                    out().println(messages().get("replay.none"));
                    return ExitCode.OK;
                }
                progress.print(status.get(), out());
                return ExitCode.OK;
            }
        }
        ReplayControl control;
        try {
            control = ReplayControl.valueOf(w.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), messages().get("replay.badWhat", what));
        }
        var actor = actorName == null || actorName.isBlank() ? context().defaultActor()
                : new dev.batchyard.model.Actor(actorName);
        try (CommandConsole store = access().changing(storeOptions, actor)) {
            ReplayStatus status;
            try {
                status = store.console().controlReplay(control);
            } catch (IllegalStateException e) {
                throw new CliException(e.getMessage(), e);
            }
            if (control == ReplayControl.RESUME) {
                return progress.follow(store.console(), out());
            }
            progress.print(status, out());
            return ExitCode.OK;
        }
    }
}
