package dev.batchyard.codec;

import dev.batchyard.model.LogEntry;
import java.util.List;

/**
 * The compact binary form of a batch's entries inside the store. Lossless: {@code decode(encode(x))}
 * equals {@code x}. Implementations are thread-safe.
 */
public interface EntriesCodec {
    byte[] encode(List<LogEntry> entries);

    /** @throws IllegalArgumentException naming what is wrong when the bytes are not a valid encoding */
    List<LogEntry> decode(byte[] bytes);
}
