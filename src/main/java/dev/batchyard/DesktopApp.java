package dev.batchyard;

import dev.batchyard.app.BatchyardApp;

/** The desktop half of {@link Launcher}, kept apart so the CLI path never loads JavaFX. */
final class DesktopApp {
    private DesktopApp() {
    }

    static void launch(String[] args) {
        BatchyardApp.main(args);
    }
}
