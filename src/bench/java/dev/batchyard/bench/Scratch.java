package dev.batchyard.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh directories for runs under one scratch root, their sizes, and their removal. */
final class Scratch {
    private final Path root;
    private final AtomicLong counter = new AtomicLong();

    Scratch(Path root) throws IOException {
        this.root = root;
        delete(root);
        Files.createDirectories(root);
    }

    Path root() {
        return root;
    }

    Path fresh(String label) {
        return root.resolve(label + "-" + counter.incrementAndGet());
    }

    /** Apparent size of every regular file under {@code dir}. */
    static long size(Path dir) {
        AtomicLong total = new AtomicLong();
        walk(dir, file -> total.addAndGet(Files.size(file)), false);
        return total.get();
    }

    static void delete(Path dir) {
        walk(dir, Files::delete, true);
    }

    private interface FileAction {
        void apply(Path file) throws IOException;
    }

    private static void walk(Path dir, FileAction onFile, boolean removeDirs) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        onFile.apply(file);
                    } else if (removeDirs) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (removeDirs) {
                        Files.delete(d);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("walking " + dir, e);
        }
    }
}
