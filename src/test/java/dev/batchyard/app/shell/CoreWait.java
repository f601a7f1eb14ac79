package dev.batchyard.app.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How long one thread has been runnable yet waiting for a core, from Linux's {@code schedstat} (its
 * second field, {@code run_delay}, in nanoseconds). With a thread's CPU time it tells a pulse that
 * waited for the machine from one that worked: before it, the benches could only infer the wait as
 * what a gap's CPU time did not explain. Where there is no such file it reads 0.
 *
 * <p>The file is opened once and read again from offset 0 each time ({@code pread} makes the kernel
 * write it anew), so a reading costs a system call, not an open. Not thread-safe: one reader.
 */
final class CoreWait implements AutoCloseable {
    private static final CoreWait NONE = new CoreWait(null);

    private final FileChannel schedstat;
    private final ByteBuffer buffer = ByteBuffer.allocate(128);

    private CoreWait(FileChannel schedstat) {
        this.schedstat = schedstat;
    }

    /** Reads 0: for a recorder not yet watching. */
    static CoreWait none() {
        return NONE;
    }

    /** The calling thread's: the file opened stays that thread's, whichever thread reads it later. */
    static CoreWait ofCurrentThread() {
        Path own = Path.of("/proc/thread-self/schedstat");
        return Files.isReadable(own) ? open(own) : NONE;
    }

    /**
     * The first of this process's threads whose kernel name ({@code comm}: the Java name cut to 15
     * characters) starts with {@code prefix}; reads 0 if there is none.
     */
    static CoreWait ofThreadNamed(String prefix) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return NONE;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(t -> comm(t).startsWith(prefix)).findFirst()
                    .map(t -> open(t.resolve("schedstat"))).orElse(NONE);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Nanoseconds this thread has spent runnable but not running, since it started. */
    long nanos() {
        if (schedstat == null) {
            return 0;
        }
        try {
            buffer.clear();
            schedstat.read(buffer, 0);
            return secondField(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + schedstat, e);
        }
    }

    /**
     * The second space-separated number of {@code text} ("on-CPU ns, run-delay ns, slices"), read
     * from the bytes: the FX thread reads it twice a pulse, so no string and no split; 0 if absent.
     */
    static long secondField(byte[] text, int length) {
        int at = 0;
        while (at < length && text[at] != ' ') {
            at++;
        }
        long value = 0;
        for (at++; at < length && text[at] >= '0' && text[at] <= '9'; at++) {
            value = value * 10 + (text[at] - '0');
        }
        return value;
    }

    @Override
    public void close() {
        if (schedstat != null) {
            try {
                schedstat.close();
            } catch (IOException ignored) {
                // a /proc file: nothing was written
            }
        }
    }

    private static CoreWait open(Path file) {
        try {
            return new CoreWait(FileChannel.open(file));
        } catch (IOException e) {
            return NONE;
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
            return ""; // the thread ended meanwhile
        }
    }
}
