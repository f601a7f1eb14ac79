package dev.batchyard.app;

import dev.batchyard.app.LaunchArgumentException.Problem;
import dev.batchyard.i18n.Language;
import dev.batchyard.i18n.LanguageOption;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of the desktop app: {@code --store DIR}, {@code --config FILE},
 * {@code --read-only}, {@code --demo}, {@code --lang LANG} (also {@code --store=DIR}). The language
 * itself is read before this, by {@link LanguageOption}, so that an error here is already in it;
 * this only checks it is one Batchyard speaks. Without {@code --store} the
 * store is the configuration's {@code persistence.directory}, or without {@code --config} the
 * user's data directory ({@link #defaultStore}).
 *
 * @param storeGiven whether {@code --store} was on the command line (it then overrides the config)
 */
public record LaunchOptions(Path store, boolean storeGiven, Optional<Path> config, boolean readOnly, boolean demo) {
    private static final Set<String> TAKE_VALUES = Set.of("--store", "--config", LanguageOption.NAME);
    /** The options only the app has: a CLI command line starts with a subcommand, --help or --version. */
    private static final Set<String> APP_OPTIONS = Set.of("--store", "--config", "--read-only", "--demo");

    /**
     * @param env  the process environment (for {@code XDG_DATA_HOME})
     * @param home the user's home directory
     * @throws LaunchArgumentException naming the argument that is unknown, lacks its value or
     *                                  names a language Batchyard does not speak
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env, Path home) {
        Path store = null;
        Path config = null;
        boolean readOnly = false;
        boolean demo = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--store" -> store = Path.of(valueOf(args, i, name, "DIR"));
                case "--config" -> config = Path.of(valueOf(args, i, name, "FILE"));
                case LanguageOption.NAME -> checkLanguage(valueOf(args, i, name, "LANG"));
                case "--read-only" -> readOnly = true;
                case "--demo" -> demo = true;
                default -> throw new LaunchArgumentException(Problem.UNKNOWN_ARGUMENT, arg, "", "unknown argument '"
                        + arg + "' (expected --store DIR, --config FILE, --read-only, --demo, --lang LANG)");
            }
            if (!arg.contains("=") && TAKE_VALUES.contains(name)) {
                i++;
            }
        }
        return new LaunchOptions(store != null ? store : defaultStore(env, home), store != null,
                Optional.ofNullable(config), readOnly, demo);
    }

    /** The store these options name: {@code --store} overrides the configuration's directory. */
    public StoreLocation location() {
        return new StoreLocation(storeGiven || config.isEmpty() ? store : null, config.orElse(null));
    }

    /**
     * The directory of the store that opens, for what the window says before it is open (the
     * start-up view, the locked-store question): {@code --store}, else the configuration's
     * {@code persistence.directory}, else the default store.
     *
     * @throws dev.batchyard.engine.ConfigException naming the configuration file when it cannot be read
     */
    public Path directory() {
        return location().directory();
    }

    /** Whether neither {@code --store} nor {@code --config} named a store: the user's own default one. */
    public boolean onDefaultStore() {
        return !storeGiven && config.isEmpty();
    }

    /** How the window opens it: for changes, or read-only with {@code --read-only}; the demo's sinks with {@code --demo}. */
    public Mode mode() {
        Mode mode = readOnly ? Mode.readOnly() : Mode.window();
        return demo ? mode.withDemoSinks() : mode;
    }

    /** {@code $XDG_DATA_HOME/batchyard/store}, else {@code ~/.local/share/batchyard/store}. */
    public static Path defaultStore(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("batchyard").resolve("store");
    }

    /**
     * Whether a command line is the app's rather than the CLI's: empty, or starting with one of
     * the app's own options ({@code batchyard --demo}, {@code batchyard --store DIR}).
     *
     * @param argsWithoutLang the command line without its {@code --lang} (both have that option)
     */
    public static boolean isAppCommandLine(List<String> argsWithoutLang) {
        if (argsWithoutLang.isEmpty()) {
            return true;
        }
        String first = argsWithoutLang.get(0);
        return APP_OPTIONS.contains(first.contains("=") ? first.substring(0, first.indexOf('=')) : first);
    }

    private static String valueOf(List<String> args, int i, String name, String label) {
        String arg = args.get(i);
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                : i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(i + 1) : "";
        if (value.isEmpty()) {
            throw new LaunchArgumentException(Problem.MISSING_VALUE, name, label,
                    "argument '" + name + "' needs a value (" + label + ")");
        }
        return value;
    }

    private static void checkLanguage(String tag) {
        if (Language.parse(tag).isEmpty()) {
            throw new LaunchArgumentException(Problem.UNKNOWN_LANGUAGE, LanguageOption.NAME, tag, "unsupported language '"
                    + tag + "' (use " + LaunchArgumentException.languages() + ")");
        }
    }
}
