package dev.batchyard.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in the operator's language: picocli words its own in English, so the common ones
 * (an unknown option, a missing option, parameter or value, a value that does not convert) are
 * said again from the bundle using the exception's fields; rarer ones keep picocli's text. Each is
 * one line and a pointer to {@code --help}: a full usage text would bury the line that matters.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final Messages messages;

    UsageErrors(Messages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        err.println("batchyard: " + describe(e, Arrays.asList(args)));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println(messages.get("usage.didYouMean", String.join(", ", unmatched.getSuggestions())));
        }
        err.println(messages.get("usage.hint", failed.getCommandSpec().qualifiedName()));
        err.flush();
        return ExitCode.USAGE;
    }

    String describe(ParameterException e, List<String> args) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (unmatched.isUnknownOption()) {
                return messages.get("usage.unknownOption", first);
            }
            return e.getCommandLine().getSubcommands().isEmpty()
                    ? messages.get("usage.unexpectedArgument", String.join(" ", unmatched.getUnmatched()))
                    : messages.get("usage.unknownCommand", first);
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return missing(missing.getMissing(), args);
        }
        if (e.getCause() instanceof TypeConversionException why && e.getArgSpec() != null) {
            List<String> allowed = e.getArgSpec().completionCandidates() == null ? List.of()
                    : StreamSupport.stream(e.getArgSpec().completionCandidates().spliterator(), false).toList();
            // an enum lists its constants; Batchyard's own converters already speak the language
            return allowed.isEmpty()
                    ? messages.get("usage.invalidValue", name(e.getArgSpec()), why.getMessage())
                    : messages.get("usage.invalidChoice", name(e.getArgSpec()), e.getValue(), String.join(", ", allowed));
        }
        return e.getMessage();
    }

    private String missing(List<ArgSpec> specs, List<String> args) {
        ArgSpec first = specs.get(0);
        if (specs.size() == 1 && first instanceof OptionSpec option && given(option, args)) {
            return messages.get("usage.missingValue", option.longestName(), option.paramLabel());
        }
        String names = specs.stream().map(UsageErrors::synopsis).collect(Collectors.joining(", "));
        if (specs.size() > 1 && first.group() != null && first.group().exclusive()) {
            return messages.get("usage.missingOneOf", names);
        }
        return specs.stream().allMatch(ArgSpec::isOption)
                ? messages.get("usage.missingOption", names)
                : messages.get("usage.missingParameter", names);
    }

    /** Whether the option is on the command line (its value is what is missing) or absent. */
    private static boolean given(OptionSpec option, List<String> args) {
        return args.stream().anyMatch(a -> Arrays.stream(option.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
    }

    private static String synopsis(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return option.typeInfo().isBoolean() ? option.longestName() : option.longestName() + " " + option.paramLabel();
        }
        return spec.paramLabel();
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
    }
}
