package dev.batchyard.cli;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.ReplayRequest;
import dev.batchyard.engine.events.EventSubscription;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code retry ID...}: sends batches to their sinks now, bypassing backoff, and reports each answer;
 * with {@code --rate N}, N a second as a throttled replay ({@link RateOption}).
 */
@Command(name = "retry", mixinStandardHelpOptions = true)
final class RetryCommand extends StoreCommand {
    @Mixin
    ActionOptions action;

    @Mixin
    RateOption rate;

    @Override
    int run() {
        rate.check(spec);
        if (rate.given()) {
            try (CommandConsole store = access().changing(storeOptions, action.actor(context().defaultActor()))) {
                return rate.run(store.console(), ReplayRequest.Action.RETRY, action.ids(), null, messages(), json, out());
            }
        }
        List<ActionReport.Line> results;
        try (CommandConsole store = access().changing(storeOptions, action.actor(context().defaultActor()));
             EventSubscription events = store.console().subscribe(4096)) {
            List<ActionResult> started = store.console().retryNow(action.ids());
            results = new RetryOutcomes(events, report()).await(started, context().retryWait());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(messages().get("retry.interrupted"), e);
        }
        return report().print(out(), results);
    }
}
