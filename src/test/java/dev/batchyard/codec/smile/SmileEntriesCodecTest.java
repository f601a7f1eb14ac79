package dev.batchyard.codec.smile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.Compression;
import dev.batchyard.codec.EntriesCodec;
import dev.batchyard.codec.EntriesCodecContract;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Smile codec (format version 1): still read, for stores written before the binary one. */
class SmileEntriesCodecTest extends EntriesCodecContract {

    @Override
    protected EntriesCodec codec(Compression compression) {
        return new SmileEntriesCodec(compression);
    }

    @Override
    protected int version() {
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
