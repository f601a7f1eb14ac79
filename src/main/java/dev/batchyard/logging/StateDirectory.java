package dev.batchyard.logging;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Batchyard keeps what it writes about itself for one user, by the XDG base directory
 * specification: {@code $XDG_STATE_HOME/batchyard}, or {@code ~/.local/state/batchyard} when that
 * variable is unset, blank or relative (the specification says a relative path is to be ignored).
 * The directory is created owner-only when the first file in it is ({@link RotatingFile}).
 */
public final class StateDirectory {
    private static final String WINDOW_LOG = "window.log";

    private StateDirectory() {
    }

    public static Path of(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local").resolve("state");
        return base.resolve("batchyard");
    }

    /** The window's log file, rolled over like {@code serve.log} ({@link LogFile}). */
    public static Path windowLog(Map<String, String> env, Path home) {
        return of(env, home).resolve(WINDOW_LOG);
    }
}
