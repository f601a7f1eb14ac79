package dev.batchyard.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of the desktop app: {@code --store DIR}, {@code --config FILE},
 * {@code --read-only}, {@code --demo} (also {@code --store=DIR}). Without {@code --store} the
 * store is the configuration's {@code persistence.directory}, or without {@code --config} the
 * user's data directory ({@link #defaultStore}).
 *
 * @param storeGiven whether {@code --store} was on the command line (it then overrides the config)
 */
public record LaunchOptions(Path store, boolean storeGiven, Optional<Path> config, boolean readOnly, boolean demo) {

    /**
     * @param env  the process environment (for {@code XDG_DATA_HOME})
     * @param home the user's home directory
     * @throws IllegalArgumentException naming the argument that is unknown or lacks its value
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
                case "--store" -> store = Path.of(valueOf(args, i, arg));
                case "--config" -> config = Path.of(valueOf(args, i, arg));
                case "--read-only" -> readOnly = true;
                case "--demo" -> demo = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "' (expected --store DIR, --config FILE, --read-only, --demo)");
            }
            if (!arg.contains("=") && (name.equals("--store") || name.equals("--config"))) {
                i++;
            }
        }
        return new LaunchOptions(store != null ? store : defaultStore(env, home), store != null,
                Optional.ofNullable(config), readOnly, demo);
    }

    /** {@code $XDG_DATA_HOME/batchyard/store}, else {@code ~/.local/share/batchyard/store}. */
    public static Path defaultStore(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("batchyard").resolve("store");
    }

    private static String valueOf(List<String> args, int i, String arg) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException("argument '" + arg + "' needs a value");
        }
        return args.get(i + 1);
    }
}
