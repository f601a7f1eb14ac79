package dev.batchyard.engine.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * How the log opens the files it writes. A seam for tests, which substitute channels that fail
 * {@code write} or {@code force} with ENOSPC or EIO at chosen moments.
 */
@FunctionalInterface
interface ChannelOpener {
    ChannelOpener REAL = OwnerOnlyFiles::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
