package dev.batchyard.serve.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code batchyard serve} child process: started from a process builder with its stderr going to
 * a file, and the port it listens on read from its "serving on" log line (it listens on port 0).
 */
public final class ServeChild implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path stderr;
    private final int port;

    private ServeChild(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /** Starts {@code builder} and waits (up to {@code timeout}) until it serves. */
    public static ServeChild start(ProcessBuilder builder, Path stderr, Duration timeout)
            throws IOException, InterruptedException {
        Process process = builder.redirectError(stderr.toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            String text = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
            Matcher m = SERVING.matcher(text);
            if (m.find()) {
                return new ServeChild(process, stderr, Integer.parseInt(m.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("serve exited with " + process.exitValue() + " before serving:\n" + text);
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("serve did not serve within " + timeout + ":\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public Process process() {
        return process;
    }

    /** What it wrote on stderr so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** SIGKILL, and wait for the process to be gone. */
    public void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("serve did not die of SIGKILL");
        }
    }

    /** SIGTERM; the exit status once it ended (up to {@code timeout}), or -1. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killNine();
        }
    }
}
