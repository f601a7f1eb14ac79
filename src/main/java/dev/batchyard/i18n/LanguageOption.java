package dev.batchyard.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --lang X} / {@code --lang=X} on a command line, read before anything else parses it: the
 * CLI's usage help and usage errors are produced while picocli parses, and the app's first
 * dialog may be about its own arguments, so both must know the language first.
 */
public final class LanguageOption {
    public static final String NAME = "--lang";

    private LanguageOption() {
    }

    /** The language of the last {@code --lang}; empty when there is none or it is unknown. */
    public static Optional<Language> find(List<String> args) {
        Optional<Language> found = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(NAME) && i + 1 < args.size()) {
                found = Language.parse(args.get(++i));
            } else if (arg.startsWith(NAME + "=")) {
                found = Language.parse(arg.substring(NAME.length() + 1));
            }
        }
        return found;
    }

    /** {@code args} without any {@code --lang} and its value. */
    public static List<String> without(List<String> args) {
        List<String> rest = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(NAME) && i + 1 < args.size()) {
                i++;
            } else if (!arg.startsWith(NAME + "=")) {
                rest.add(arg);
            }
        }
        return rest;
    }
}
