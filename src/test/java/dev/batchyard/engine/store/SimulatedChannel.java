package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A channel on a {@link SimulatedFile}. Every write is one change of the {@link PowerCutDisk} (a
 * gathering write too, as the kernel takes it in one call); {@code force} makes the file's
 * unsynced pages durable, data and size alike (as {@code fdatasync} does for a file that grew).
 */
final class SimulatedChannel extends FileChannel {
    private final PowerCutDisk disk;
    private final SimulatedFile file;
    private final Path path;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private long position;

    SimulatedChannel(PowerCutDisk disk, SimulatedFile file, Path path, boolean readable, boolean writable,
                     boolean append) {
        this.disk = disk;
        this.file = file;
        this.path = path;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        open(readable, false);
        return disk.read(file, at, dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (append) {
            position = disk.size(file);
        }
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
        open(false, true);
        byte[] bytes = new byte[src.remaining()];
        src.get(bytes);
        disk.write(file, path, at, bytes);
        return bytes.length;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        int total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += srcs[i].remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        for (int i = offset; i < offset + length; i++) {
            all.put(srcs[i].duplicate());
        }
        all.flip();
        int written = write(all);
        for (int i = offset; i < offset + length; i++) {
            srcs[i].position(srcs[i].limit());
        }
        return written;
    }

    @Override
    public long position() throws IOException {
        open(false, false);
        return position;
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        open(false, false);
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        open(false, false);
        return disk.size(file);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        open(false, true);
        disk.truncate(file, path, size);
        position = Math.min(position, size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        open(false, false);
        disk.force(file, path);
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(count, Math.max(0, size() - at)));
        read(buf, at);
        buf.flip();
        return target.write(buf);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) count);
        src.read(buf);
        buf.flip();
        return write(buf, at);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("the simulated disk does not map files");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("the simulated disk locks stores, not channels: Disk.lock");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("the simulated disk locks stores, not channels: Disk.lock");
    }

    @Override
    protected void implCloseChannel() {
        // nothing held
    }

    private void open(boolean needRead, boolean needWrite) throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
        if (needRead && !readable) {
            throw new NonReadableChannelException();
        }
        if (needWrite && !writable) {
            throw new NonWritableChannelException();
        }
    }
}
