package dev.batchyard;

import dev.batchyard.app.LaunchOptions;
import dev.batchyard.cli.Cli;
import dev.batchyard.cli.CliContext;
import dev.batchyard.i18n.LanguageOption;
import java.util.List;

/**
 * The jar's entry point: no arguments (or only {@code --lang X}) or the app's own options
 * ({@code --demo}, {@code --store DIR}, see {@link LaunchOptions}) open the desktop app, anything
 * else is a CLI command. It does not extend {@code Application}, so the class-path jar starts,
 * and the CLI path never touches a JavaFX class: the app is reached only through
 * {@link DesktopApp}, loaded on demand.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (LaunchOptions.isAppCommandLine(LanguageOption.without(List.of(args)))) {
            DesktopApp.launch(args);
            return;
        }
        System.exit(new Cli(CliContext.system()).run(args));
    }
}
