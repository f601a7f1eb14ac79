package dev.batchyard.app;

import dev.batchyard.app.LaunchArgumentException.Problem;
import dev.batchyard.cli.WindowOptions;
import dev.batchyard.i18n.Language;
import dev.batchyard.i18n.LanguageOption;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.RemoteConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line of the desktop app: {@code --store DIR}, {@code --config FILE},
 * {@code --read-only}, {@code --demo}, {@code --lang LANG} (also {@code --store=DIR}), parsed by
 * picocli with the options the CLI's {@code --help} lists ({@link WindowOptions}). The language
 * itself is read before this, by {@link LanguageOption}, so that an error here is already in it;
 * this only checks it is one Batchyard speaks. Without {@code --store} the
 * store is the configuration's {@code persistence.directory}, or without {@code --config} the
 * user's data directory ({@link #defaultStore}).
 *
 * @param storeGiven whether {@code --store} was on the command line (it then overrides the config)
 */
public record LaunchOptions(Path store, boolean storeGiven, Optional<Path> config, boolean readOnly, boolean demo,
                            Optional<String> connection, Optional<RemoteConnection> connect) {

    /** Options that open a store directory (no saved or remote connection named). */
    public LaunchOptions(Path store, boolean storeGiven, Optional<Path> config, boolean readOnly, boolean demo) {
        this(store, storeGiven, config, readOnly, demo, Optional.empty(), Optional.empty());
    }

    /**
     * @param env  the process environment (for {@code XDG_DATA_HOME})
     * @param home the user's home directory
     * @throws LaunchArgumentException naming the argument that is unknown, lacks its value or
     *                                  names a language Batchyard does not speak
     */
    public static LaunchOptions parse(List<String> args, Map<String, String> env, Path home) {
        WindowCommandLine parsed = new WindowCommandLine();
        CommandLine commandLine = new CommandLine(parsed).setOverwrittenOptionsAllowed(true);
        try {
            commandLine.parseArgs(args.toArray(String[]::new));
        } catch (UnmatchedArgumentException e) {
            throw unknown(e.getUnmatched().get(0));
        } catch (MissingParameterException e) {
            throw missingValue(e.getMissing().get(0));
        } catch (ParameterException e) {
            throw e.getArgSpec() instanceof OptionSpec option ? missingValue(option) : unknown(String.valueOf(e.getValue()));
        }
        parsed.languages.forEach(LaunchOptions::checkLanguage);
        WindowOptions window = parsed.window;
        Optional<Path> store = window.store();
        requireValue(store, "--store", "DIR");
        requireValue(window.config(), "--config", "FILE");
        requireValue(window.tokenFile(), "--token-file", "FILE");
        requireValue(window.caFile(), "--ca-file", "FILE");
        Optional<String> connection = window.connection();
        if (connection.isPresent() && connection.get().isBlank()) {
            throw missingValue("--connection", "NAME");
        }
        if (window.connect().isPresent() && window.connect().get().isBlank()) {
            throw missingValue("--connect", "URL");
        }
        boolean storeNamed = store.isPresent() || window.config().isPresent();
        if (connection.isPresent() && (window.connect().isPresent() || storeNamed)) {
            throw conflict("--connection", window.connect().isPresent() ? "--connect" : store.isPresent() ? "--store" : "--config");
        }
        if (window.connect().isPresent() && storeNamed) {
            throw conflict("--connect", store.isPresent() ? "--store" : "--config");
        }
        if (window.connect().isEmpty()) {
            for (var onlyWithConnect : List.of(window.tokenFile().map(f -> "--token-file"), window.caFile().map(f -> "--ca-file"))) {
                if (onlyWithConnect.isPresent()) {
                    throw new LaunchArgumentException(Problem.NEEDS_CONNECT, onlyWithConnect.get(), "",
                            "argument '" + onlyWithConnect.get() + "' goes with --connect URL");
                }
            }
        }
        Optional<RemoteConnection> connect = window.connect().map(url -> remote(url, window, home));
        return new LaunchOptions(store.orElseGet(() -> defaultStore(env, home)), store.isPresent(), window.config(),
                window.readOnly(), window.demo(), connection, connect);
    }

    /**
     * The server {@code --connect} names, unsaved, as a dev connection named by its host and port;
     * relative token and CA files are read from the working directory.
     */
    private static RemoteConnection remote(String url, WindowOptions window, Path home) {
        try {
            URI uri = new URI(url.strip());
            String name = uri.getHost() == null ? url.strip() : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            return new RemoteConnection(name.length() > 64 ? name.substring(0, 64) : name, Environment.DEV, uri,
                    window.tokenFile().map(f -> f.toAbsolutePath()), window.caFile().map(f -> f.toAbsolutePath()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            String why = e instanceof URISyntaxException syntax ? syntax.getReason() : e.getMessage();
            throw new LaunchArgumentException(Problem.BAD_VALUE, "--connect", url, "argument '--connect " + url
                    + "' is not a server's address: " + why);
        }
    }

    private static LaunchArgumentException conflict(String one, String other) {
        return new LaunchArgumentException(Problem.CONFLICT, one, other, "arguments '" + one + "' and '" + other
                + "' cannot be given together: each names what the window opens");
    }

    /** The window's command line for picocli: its options, and {@code --lang} (read before, by {@link LanguageOption}). */
    @Command(name = "batchyard")
    static final class WindowCommandLine {
        @Mixin
        WindowOptions window = new WindowOptions();

        @Option(names = LanguageOption.NAME, paramLabel = "LANG")
        List<String> languages = new ArrayList<>();
    }

    /**
     * The options of a window opened from another (File › Open…, a drop): never the demo, and no
     * store named on a command line (its connection says what it shows).
     */
    public static LaunchOptions forWindow() {
        return new LaunchOptions(null, false, Optional.empty(), false, false);
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
        return WindowOptions.NAMES.contains(first.contains("=") ? first.substring(0, first.indexOf('=')) : first);
    }

    private static LaunchArgumentException unknown(String arg) {
        return new LaunchArgumentException(Problem.UNKNOWN_ARGUMENT, arg, "", "unknown argument '" + arg
                + "' (expected --store DIR, --config FILE, --read-only, --demo, --connection NAME, --connect URL"
                + " [--token-file FILE] [--ca-file FILE], --lang LANG)");
    }

    private static LaunchArgumentException missingValue(ArgSpec spec) {
        String name = spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
        return missingValue(name, spec.paramLabel());
    }

    private static LaunchArgumentException missingValue(String name, String label) {
        return new LaunchArgumentException(Problem.MISSING_VALUE, name, label,
                "argument '" + name + "' needs a value (" + label + ")");
    }

    /** {@code --store=} gives picocli an empty path, which would be the working directory: refused. */
    private static void requireValue(Optional<Path> value, String name, String label) {
        if (value.isPresent() && value.get().toString().isEmpty()) {
            throw missingValue(name, label);
        }
    }

    private static void checkLanguage(String tag) {
        if (Language.parse(tag).isEmpty()) {
            throw new LaunchArgumentException(Problem.UNKNOWN_LANGUAGE, LanguageOption.NAME, tag, "unsupported language '"
                    + tag + "' (use " + LaunchArgumentException.languages() + ")");
        }
    }
}
