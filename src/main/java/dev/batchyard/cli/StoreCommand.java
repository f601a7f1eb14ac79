package dev.batchyard.cli;

import dev.batchyard.i18n.Language;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: {@code --store}/{@code --config}, the context, the messages, and
 * the rule that one of {@code --store} or {@code --config} is given (a usage error otherwise).
 */
abstract class StoreCommand implements Callable<Integer> {
    @ParentCommand
    BatchyardCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--json", descriptionKey = "option.json")
    boolean json;

    private Messages messages;

    @Override
    public final Integer call() {
        if (storeOptions.store() == null && storeOptions.config() == null) {
            throw new ParameterException(spec.commandLine(), messages().get("store.required"));
        }
        return run();
    }

    /** The command itself; returns the exit code. */
    abstract int run();

    final CliContext context() {
        return root.context();
    }

    final Messages messages() {
        if (messages == null) {
            // --json output is the same in every locale, including the texts inside it
            messages = json ? new Messages(Language.ENGLISH, context().clock().getZone()) : root.messages();
        }
        return messages;
    }

    final PrintWriter out() {
        return context().out();
    }

    final PrintWriter err() {
        return context().err();
    }

    final ActionReport report() {
        return new ActionReport(messages(), json);
    }

    final StoreAccess access() {
        return new StoreAccess(context(), messages());
    }
}
