package dev.batchyard.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The desktop window's own options, declared once: the window parses its command line with them
 * ({@code app.LaunchOptions}), and the root command carries them so that {@code batchyard --help}
 * lists them beside the subcommands. A command line made only of these (and {@code --lang}) opens
 * the window; the jar's launcher decides that before the CLI runs ({@link #NAMES}).
 */
public final class WindowOptions {
    /** Every option here: a command line starting with one of them is the window's. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("--store", "--config", "--read-only", "--demo",
            "--connection", "--connect", "--token-file", "--ca-file");

    @Option(names = "--store", paramLabel = "DIR", descriptionKey = "window.store")
    Path store;

    @Option(names = "--config", paramLabel = "FILE", descriptionKey = "window.config")
    Path config;

    @Option(names = "--read-only", descriptionKey = "window.readOnly")
    boolean readOnly;

    @Option(names = "--demo", descriptionKey = "window.demo")
    boolean demo;

    @Option(names = "--connection", paramLabel = "NAME", descriptionKey = "window.connection")
    String connection;

    @Option(names = "--connect", paramLabel = "URL", descriptionKey = "window.connect")
    String connect;

    @Option(names = "--token-file", paramLabel = "FILE", descriptionKey = "window.tokenFile")
    Path tokenFile;

    @Option(names = "--ca-file", paramLabel = "FILE", descriptionKey = "window.caFile")
    Path caFile;

    /** {@code --connection}: a saved connection's name, when given. */
    public Optional<String> connection() {
        return Optional.ofNullable(connection);
    }

    /** {@code --connect}: a server's URL, opened without saving it, when given. */
    public Optional<String> connect() {
        return Optional.ofNullable(connect);
    }

    /** {@code --token-file}, for {@code --connect}. */
    public Optional<Path> tokenFile() {
        return Optional.ofNullable(tokenFile);
    }

    /** {@code --ca-file}, for {@code --connect}. */
    public Optional<Path> caFile() {
        return Optional.ofNullable(caFile);
    }

    /** {@code --store}, when given. */
    public Optional<Path> store() {
        return Optional.ofNullable(store);
    }

    /** {@code --config}, when given. */
    public Optional<Path> config() {
        return Optional.ofNullable(config);
    }

    public boolean readOnly() {
        return readOnly;
    }

    public boolean demo() {
        return demo;
    }
}
