package dev.batchyard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling for any durable append design on this disk: bytes appended to one file by one
 * writer thread, one gathering write and one {@code force(false)} per group of whatever queued
 * meanwhile, no framing, no checksums, no index. Thread-safe.
 */
final class GroupCommitLog implements AutoCloseable {
    private final FileChannel channel;
    private final Thread writer;
    private final List<ByteBuffer> queue = new ArrayList<>();
    private long appended;
    private long durable;
    private boolean closing;
    private IOException failure;

    GroupCommitLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        writer = new Thread(this::writeLoop, "raw-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Appends {@code bytes} and returns once they are on stable storage. */
    void appendDurably(byte[] bytes) {
        long ticket;
        synchronized (this) {
            queue.add(ByteBuffer.wrap(bytes));
            ticket = ++appended;
            notifyAll();
        }
        synchronized (this) {
            while (durable < ticket && failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for the raw log", e);
                }
            }
            if (failure != null) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer[] group;
                long last;
                synchronized (this) {
                    while (queue.isEmpty() && !closing) {
                        wait();
                    }
                    if (queue.isEmpty()) {
                        return;
                    }
                    group = queue.toArray(ByteBuffer[]::new);
                    queue.clear();
                    last = appended;
                }
                long remaining = 0;
                for (ByteBuffer b : group) {
                    remaining += b.remaining();
                }
                while (remaining > 0) {
                    remaining -= channel.write(group);
                }
                channel.force(false);
                synchronized (this) {
                    durable = last;
                    notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            writer.join();
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
