package dev.batchyard.cli;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.i18n.Language;
import dev.batchyard.i18n.LanguageOption;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.TypeConversionException;

/**
 * Runs one command line: parses it, runs the command, and maps the outcome to the exit code
 * (0 ok, 1 operation failed, 2 usage error). Failures the operator can act on print one line on
 * stderr in the operator's language (and the English detail, if any, below it); anything else
 * prints its stack trace, as it is a bug.
 */
public final class Cli {
    private final CliContext context;

    public Cli(CliContext context) {
        this.context = context;
    }

    public int run(String... args) {
        Messages messages = new Messages(LanguageOption.find(List.of(args)).orElseGet(Language::ofSystem),
                context.clock().getZone());
        CommandLine commandLine = new CommandLine(new BatchyardCommand(context, messages));
        commandLine.setResourceBundle(messages.bundle());
        commandLine.registerConverter(Language.class, text -> Language.parse(text)
                .orElseThrow(() -> new TypeConversionException(messages.get("lang.unknown", text))));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof CliException || e instanceof StoreException || e instanceof ConfigException
                    || e instanceof UncheckedIOException) {
                printFailure(cl.getErr(), e, messages);
                return ExitCode.SOFTWARE;
            }
            throw e;
        });
        commandLine.setParameterExceptionHandler(new UsageErrors(messages));
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /** The failure in the operator's language; an English detail (a key's allowed values, an I/O error) below it. */
    private static void printFailure(PrintWriter err, Exception e, Messages messages) {
        FailureText text = e instanceof CliException cli ? new FailureText(cli.getMessage(), cli.detail())
                : new EngineTexts(messages.language()).failure(e);
        // a failure can quote a config value or a file name as written: made printable like any outside text
        err.println("batchyard: " + Printable.of(text.headline()));
        if (!text.detail().isEmpty()) {
            err.println("  " + Printable.of(text.detail()));
        }
        err.flush();
    }
}
