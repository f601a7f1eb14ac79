package dev.batchyard.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code batchyard}: the root command; it only holds the subcommands and the shared context. */
@Command(name = "batchyard", mixinStandardHelpOptions = true, versionProvider = BatchyardVersion.class,
        subcommands = {ListCommand.class, ShowCommand.class, StatsCommand.class, RetryCommand.class,
                DiscardCommand.class, RerouteCommand.class, ImportGoCommand.class, ExportCommand.class,
                VerifyCommand.class})
public final class BatchyardCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    // placeholder until more bundles exist: the human text follows it, --json never does
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT, descriptionKey = "option.lang")
    String lang;

    public BatchyardCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.USAGE;
    }

    CliContext context() {
        return context;
    }

    Messages messages() {
        return new Messages(lang == null || lang.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(lang));
    }
}
