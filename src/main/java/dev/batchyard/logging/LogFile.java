package dev.batchyard.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code serve} and the window log to a file as well as to stderr: from {@link #teeStandardError} on, whatever
 * goes to {@code System.err} (the log lines of SLF4J's simple logger, which looks up
 * {@code System.err} at each line, and anything else written there) also goes to the file, which
 * rolls over at {@value #MAX_BYTES} bytes keeping {@value #KEEP} old ones. If the file cannot be
 * written (a full disk), stderr goes on and one line there says the file stopped; the log never
 * stops the service. {@link #close()} puts the old stderr back.
 *
 * <p>This changes the process's {@code System.err}: only the {@code serve} command (its
 * {@code serve.log}) and the window ({@link StateDirectory#windowLog}) do it, once, at start, before
 * anything else logs. Two windows of one user append to the same file; each rolls it over on its own
 * count, so a rollover may come early, and no line is lost.
 */
public final class LogFile implements AutoCloseable {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int KEEP = 3;

    private final PrintStream original;
    private final Tee tee;

    private LogFile(PrintStream original, Tee tee) {
        this.original = original;
        this.tee = tee;
    }

    /** @throws IOException when the file cannot be created or opened */
    public static LogFile teeStandardError(Path file) throws IOException {
        return teeStandardError(file, MAX_BYTES);
    }

    static LogFile teeStandardError(Path file, long maxBytes) throws IOException {
        PrintStream original = System.err;
        Tee tee = new Tee(original, new RotatingFile(file, maxBytes, KEEP), file);
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        return new LogFile(original, tee);
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
        tee.closeFile();
    }

    /** Writes to stderr, and to the file while it works. */
    private static final class Tee extends OutputStream {
        private final PrintStream stderr;
        private final RotatingFile file;
        private final Path path;
        private boolean fileFailed;

        Tee(PrintStream stderr, RotatingFile file, Path path) {
            this.stderr = stderr;
            this.file = file;
            this.path = path;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            stderr.write(b, off, len);
            if (!fileFailed) {
                try {
                    file.write(b, off, len);
                } catch (IOException e) {
                    fileFailed = true;
                    stderr.println("batchyard: the log file " + path + " cannot be written (" + e.getMessage()
                            + "); logging to stderr only from here on");
                }
            }
        }

        @Override
        public synchronized void flush() {
            stderr.flush();
            if (!fileFailed) {
                try {
                    file.flush();
                } catch (IOException e) {
                    fileFailed = true;
                }
            }
        }

        synchronized void closeFile() {
            try {
                file.close();
            } catch (IOException e) {
                stderr.println("batchyard: closing the log file " + path + " failed: " + e.getMessage());
            }
            fileFailed = true;
        }
    }
}
