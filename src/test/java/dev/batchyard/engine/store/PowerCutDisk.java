package dev.batchyard.engine.store;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A simulated disk that loses power: an in-memory file system behind the store's {@link Disk} seam
 * that keeps what was written but not yet forced apart from what is durable, per file, and names
 * created, renamed or deleted apart from those whose directory was synced since. Its power is cut
 * instead of its {@code cutAt}-th change, or by {@link #cutNow}: the {@link DiskImage} taken then
 * is what a new disk starts from, and every change after it fails with an I/O error, as it would
 * on a machine that is off (reads still see what the process wrote, as its page cache would until
 * it dies). Paths are absolute and never touch the real file system: an operation the store makes
 * around the seam fails at once.
 *
 * <p>Thread-safe: every operation, and the cut, is atomic (one monitor).
 */
public final class PowerCutDisk implements Disk {
    private final SimulatedDirectory root;
    private final List<NameChange> pendingNames = new ArrayList<>();
    private final Set<Path> lostBefore;
    private final Set<Path> locked = new HashSet<>();
    private final long cutAt;
    private final LossKind kind;
    private final Random random;
    private long changes;
    private DiskImage image;

    PowerCutDisk(SimulatedDirectory root, Set<Path> lostBefore, long cutAt, LossKind kind, Random random) {
        this.root = root;
        this.lostBefore = lostBefore;
        this.cutAt = cutAt;
        this.kind = kind;
        this.random = random;
    }

    /** Cuts the power now (if it is still on) and returns what survived. */
    public synchronized DiskImage cutNow() {
        if (image == null) {
            image = PowerCut.take(root, pendingNames, lostBefore, kind, random);
        }
        return image;
    }

    /** What survived the cut, or null while the power is on. */
    public synchronized DiskImage image() {
        return image;
    }

    /** Changes made so far (writes, forces, truncations, name changes, directory syncs). */
    public synchronized long changes() {
        return changes;
    }

    // ---- Disk ------------------------------------------------------------------------------

    @Override
    public synchronized FileChannel open(Path file, OpenOption... options) throws IOException {
        List<OpenOption> opts = Arrays.asList(options);
        for (OpenOption o : opts) {
            if (o == ExtendedOpenOption.DIRECT) {
                continue; // around a page cache the simulation does not have: durable, as any write, once forced
            }
            if (!(o instanceof StandardOpenOption s) || !Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND, StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.TRUNCATE_EXISTING).contains(s)) {
                throw new UnsupportedOperationException("the simulated disk does not do " + o);
            }
        }
        boolean append = opts.contains(StandardOpenOption.APPEND);
        boolean write = append || opts.contains(StandardOpenOption.WRITE);
        boolean read = opts.contains(StandardOpenOption.READ) || !write;
        SimulatedDirectory parent = directory(file.getParent());
        String name = file.getFileName().toString();
        SimulatedNode node = parent.live.get(name);
        if (node == null) {
            if (!write || !(opts.contains(StandardOpenOption.CREATE) || opts.contains(StandardOpenOption.CREATE_NEW))) {
                throw new NoSuchFileException(file.toString());
            }
            change("create", file);
            node = new SimulatedFile();
            parent.live.put(name, node);
            pendingNames.add(NameChange.created(parent, name, node));
        } else if (write && opts.contains(StandardOpenOption.CREATE_NEW)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        if (!(node instanceof SimulatedFile f)) {
            throw new FileSystemException(file.toString(), null, "Is a directory");
        }
        if (write && opts.contains(StandardOpenOption.TRUNCATE_EXISTING) && f.size() > 0) {
            change("truncate", file);
            f.truncate(0);
        }
        return new SimulatedChannel(this, f, file, read, write, append);
    }

    @Override
    public synchronized void createDirectory(Path dir) throws IOException {
        SimulatedDirectory parent = directory(dir.getParent());
        String name = dir.getFileName().toString();
        if (parent.live.containsKey(name)) {
            throw new FileAlreadyExistsException(dir.toString());
        }
        change("mkdir", dir);
        SimulatedDirectory created = new SimulatedDirectory();
        parent.live.put(name, created);
        pendingNames.add(NameChange.created(parent, name, created));
    }

    @Override
    public synchronized List<Path> list(Path dir) throws IOException {
        return directory(dir).live.keySet().stream().map(dir::resolve).toList();
    }

    @Override
    public synchronized boolean exists(Path path) {
        return root.find(path.toAbsolutePath()) != null;
    }

    @Override
    public synchronized boolean isDirectory(Path path) {
        return root.find(path.toAbsolutePath()) instanceof SimulatedDirectory;
    }

    @Override
    public synchronized long size(Path file) throws IOException {
        SimulatedNode node = root.find(file.toAbsolutePath());
        if (node == null) {
            throw new NoSuchFileException(file.toString());
        }
        return node instanceof SimulatedFile f ? f.size() : 4096;
    }

    @Override
    public synchronized void move(Path from, Path to, CopyOption... options) throws IOException {
        SimulatedDirectory fromDir = directory(from.getParent());
        SimulatedDirectory toDir = directory(to.getParent());
        String fromName = from.getFileName().toString();
        String toName = to.getFileName().toString();
        SimulatedNode node = fromDir.live.get(fromName);
        if (node == null) {
            throw new NoSuchFileException(from.toString());
        }
        List<CopyOption> opts = Arrays.asList(options);
        SimulatedNode there = toDir.live.get(toName);
        if (there != null && !opts.contains(StandardCopyOption.REPLACE_EXISTING)
                && !opts.contains(StandardCopyOption.ATOMIC_MOVE)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        if (there instanceof SimulatedDirectory d && !d.live.isEmpty()) {
            throw new DirectoryNotEmptyException(to.toString());
        }
        change("rename", from);
        fromDir.live.remove(fromName);
        toDir.live.put(toName, node);
        pendingNames.add(NameChange.renamed(fromDir, fromName, toDir, toName, node));
    }

    @Override
    public synchronized void delete(Path path) throws IOException {
        SimulatedDirectory parent = directory(path.getParent());
        String name = path.getFileName().toString();
        SimulatedNode node = parent.live.get(name);
        if (node == null) {
            throw new NoSuchFileException(path.toString());
        }
        if (node instanceof SimulatedDirectory d && !d.live.isEmpty()) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        change("delete", path);
        parent.live.remove(name);
        pendingNames.add(NameChange.deleted(parent, name, node));
    }

    @Override
    public synchronized boolean deleteIfExists(Path path) throws IOException {
        if (!exists(path)) {
            return false;
        }
        delete(path);
        return true;
    }

    @Override
    public synchronized void syncDirectory(Path dir) throws IOException {
        SimulatedDirectory synced = directory(dir);
        change("sync directory", dir);
        for (Iterator<NameChange> it = pendingNames.iterator(); it.hasNext(); ) {
            NameChange pending = it.next();
            if (pending.synced(synced)) {
                pending.applyTo(d -> d.durable);
                it.remove();
            }
        }
    }

    @Override
    public synchronized Closeable lock(Path storeDirectory) {
        if (!locked.add(storeDirectory)) {
            throw new StoreLockedException("store " + storeDirectory + " is already open on this simulated disk",
                    storeDirectory, ProcessHandle.current().pid());
        }
        return () -> {
            synchronized (this) {
                locked.remove(storeDirectory);
            }
        };
    }

    @Override
    public synchronized boolean heldByAWriter(Path storeDirectory) {
        return locked.contains(storeDirectory);
    }

    // ---- for the channels ------------------------------------------------------------------

    synchronized int read(SimulatedFile file, long position, java.nio.ByteBuffer dst) {
        return file.read(position, dst);
    }

    synchronized void write(SimulatedFile file, Path path, long position, byte[] bytes) throws IOException {
        change("write", path);
        file.write(position, bytes);
    }

    synchronized void truncate(SimulatedFile file, Path path, long size) throws IOException {
        if (size < file.size()) {
            change("truncate", path);
            file.truncate(size);
        }
    }

    synchronized void force(SimulatedFile file, Path path) throws IOException {
        change("force", path);
        file.force();
    }

    synchronized long size(SimulatedFile file) {
        return file.size();
    }

    /** Counts a change, or cuts the power instead of the {@code cutAt}-th; after the cut every change fails. */
    private void change(String what, Path path) throws IOException {
        if (image == null && ++changes == cutAt) {
            cutNow();
        }
        if (image != null) {
            throw new IOException("Input/output error (simulated power cut; " + what + " " + path + " never happened)");
        }
    }

    private SimulatedDirectory directory(Path dir) throws IOException {
        SimulatedNode node = dir == null ? null : root.find(dir.toAbsolutePath());
        if (node == null) {
            throw new NoSuchFileException(String.valueOf(dir));
        }
        if (!(node instanceof SimulatedDirectory d)) {
            throw new NotDirectoryException(dir.toString());
        }
        return d;
    }
}
