package dev.batchyard.app.help;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Shows a folder in the desktop's file manager by running the platform's opener ({@code xdg-open}
 * on Linux and the BSDs, {@code open} on macOS, {@code explorer} on Windows). Blocking: call it off
 * the FX thread. An opener still running after {@value #WAIT_SECONDS} s (some run the file manager in
 * the foreground) counts as having opened it. Stateless.
 */
public final class FileManager {
    static final long WAIT_SECONDS = 5;

    private final List<String> opener;
    private final boolean statusMeansFailure;

    /**
     * @param opener             the program and its arguments; the folder is added last
     * @param statusMeansFailure whether a non-zero exit status says the folder was not shown
     *                           ({@code explorer} exits 1 when it did show it)
     */
    FileManager(List<String> opener, boolean statusMeansFailure) {
        this.opener = List.copyOf(opener);
        this.statusMeansFailure = statusMeansFailure;
    }

    public static FileManager ofThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new FileManager(List.of("explorer"), false);
        }
        return new FileManager(List.of(os.startsWith("mac") ? "open" : "xdg-open"), true);
    }

    /** @throws IOException when no opener could run, or it said it could not show {@code folder} */
    public void open(Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(opener);
        command.add(folder.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && statusMeansFailure && process.exitValue() != 0) {
            throw new IOException(opener.get(0) + " could not open " + folder + " (exit status "
                    + process.exitValue() + ")");
        }
    }
}
