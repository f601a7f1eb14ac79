package dev.batchyard.cli;

import dev.batchyard.i18n.Language;
import java.util.Optional;

/**
 * Finds {@code --lang X} / {@code --lang=X} before picocli parses the line: the usage help and
 * the usage errors are produced during parsing, so the language must be known before it. An
 * unknown value gives empty here; picocli then reports it as a usage error.
 */
final class LanguageArgument {
    private static final String OPTION = "--lang";

    private LanguageArgument() {
    }

    static Optional<Language> find(String... args) {
        Optional<Language> found = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                found = Language.parse(args[++i]);
            } else if (args[i].startsWith(OPTION + "=")) {
                found = Language.parse(args[i].substring(OPTION.length() + 1));
            }
        }
        return found;
    }
}
