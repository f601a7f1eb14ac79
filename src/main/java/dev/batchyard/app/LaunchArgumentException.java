package dev.batchyard.app;

import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.i18n.Language;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A command line the app cannot use: what is wrong, with which argument. Its message is English,
 * for a log; {@link #describe} words it in the operator's language for the error dialog.
 */
public final class LaunchArgumentException extends IllegalArgumentException {
    /** What is wrong; each has its {@code arguments.*} key in the app's bundle. */
    public enum Problem {
        UNKNOWN_ARGUMENT("arguments.unknown"),
        MISSING_VALUE("arguments.missingValue"),
        UNKNOWN_LANGUAGE("arguments.unknownLanguage"),
        /** Two arguments that each name what the window opens ({@code --connection} and {@code --store}). */
        CONFLICT("arguments.conflict"),
        /** {@code --token-file} or {@code --ca-file} without {@code --connect}. */
        NEEDS_CONNECT("arguments.needsConnect"),
        /** A value the argument cannot use ({@code --connect} with a URL that is not a server's). */
        BAD_VALUE("arguments.badValue");

        private final String key;

        Problem(String key) {
            this.key = key;
        }
    }

    private final Problem problem;
    private final String argument;
    private final String value;

    /**
     * @param argument the argument as typed ({@code --stor}, {@code --store})
     * @param value    what it needs ({@code DIR}) or was given ({@code xx} for {@code --lang}); empty if neither
     */
    LaunchArgumentException(Problem problem, String argument, String value, String englishMessage) {
        super(englishMessage);
        this.problem = problem;
        this.argument = argument;
        this.value = value;
    }

    public Problem problem() {
        return problem;
    }

    public String argument() {
        return argument;
    }

    /** The whole of it in the operator's language: the argument, and what the app takes instead. */
    public FailureText describe(Messages messages) {
        // a bad value's reason names what is wrong in it (English, as every detail)
        return new FailureText(messages.format(problem.key, argument, value, languages()),
                problem == Problem.BAD_VALUE ? getMessage() : "");
    }

    /** What {@code --lang} takes: {@code en, pt-BR}. */
    static String languages() {
        return Arrays.stream(Language.values()).map(Language::tag).collect(Collectors.joining(", "));
    }
}
