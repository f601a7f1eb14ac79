package dev.batchyard.cli;

import dev.batchyard.i18n.Language;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code batchyard}: the root command; it only holds the subcommands and the shared context. */
@Command(name = "batchyard", mixinStandardHelpOptions = true, versionProvider = BatchyardVersion.class,
        subcommands = {ListCommand.class, ShowCommand.class, StatsCommand.class, RetryCommand.class,
                DiscardCommand.class, RestoreCommand.class, RerouteCommand.class, RequeueCommand.class,
                ReplayCommand.class, SplitCommand.class, MergeCommand.class, EditCommand.class, ImportGoCommand.class, ExportCommand.class, VerifyCommand.class, AuditCommand.class,
                SearchCommand.class, ServeCommand.class, ScenarioCommand.class})
public final class BatchyardCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    private final Messages messages;

    // Cli reads the language before parsing (so that --help and usage errors speak it too);
    // declared here so picocli accepts it everywhere, lists it in --help and rejects unknown ones
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT, descriptionKey = "option.lang",
            completionCandidates = LanguageTags.class)
    Language lang;

    // never read here: the launcher opens the window for these before the CLI runs; declared so
    // that --help lists the window's options beside the commands
    @Mixin
    WindowOptions window;

    /** What {@code --lang} takes, as typed ({@code en}, {@code pt-BR}), for a usage error to list. */
    static final class LanguageTags implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Language.values()).map(Language::tag).iterator();
        }
    }

    public BatchyardCommand(CliContext context, Messages messages) {
        this.context = context;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return ExitCode.USAGE;
    }

    CliContext context() {
        return context;
    }

    /** The human-readable texts in the language of {@code --lang}, else the OS's. */
    Messages messages() {
        return messages;
    }
}
