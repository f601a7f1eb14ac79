package dev.batchyard.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Smile codec (format version 1): still read, for stores written before the binary one. */
class SmileEntriesCodecTest extends EntriesCodecContract {

    @Override
    EntriesCodec codec(Compression compression) {
        return new SmileEntriesCodec(compression);
    }

    @Override
    int version() {
        return 1;
    }

    @Test
    void isAtMostAThirdOfGoPrettyJsonForARealisticBatch() {
        List<LogEntry> batch = SampleEntries.realistic(13, 100);
        int go = new GoJson().writeAll(batch, true).length;
        int smile = codec(Compression.NONE).encode(batch).length;
        assertTrue(smile <= 0.3 * go, smile + " bytes against " + go + " as Go JSON");
    }
}
