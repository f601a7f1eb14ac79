package dev.batchyard;

import dev.batchyard.cli.Cli;
import dev.batchyard.cli.CliContext;

/**
 * The jar's entry point: no arguments opens the desktop app, anything else is a CLI command.
 * It does not extend {@code Application}, so the class-path jar starts, and the CLI path never
 * touches a JavaFX class: the app is reached only through {@link DesktopApp}, loaded on demand.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DesktopApp.launch(args);
            return;
        }
        System.exit(new Cli(CliContext.system()).run(args));
    }
}
