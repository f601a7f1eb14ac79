package dev.batchyard.bench;

import dev.batchyard.codec.binary.BinaryEntriesCodec;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import dev.batchyard.codec.smile.SmileEntriesCodec;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the store's entries codec (binary, version 2), the Smile codec it replaced (version 1, still
 * read) and the seed's Go pretty JSON, on one realistic 100-entry batch.
 */
@State(Scope.Benchmark)
public class CodecBenchmarks {
    private List<LogEntry> batch;
    private BinaryEntriesCodec binary;
    private SmileEntriesCodec smile;
    private GoJson go;
    private byte[] binaryBytes;
    private byte[] smileBytes;
    private byte[] goBytes;

    @Setup
    public void setUp() {
        batch = SampleEntries.realistic(7, 100);
        binary = new BinaryEntriesCodec();
        smile = new SmileEntriesCodec();
        go = new GoJson();
        binaryBytes = binary.encode(batch);
        smileBytes = smile.encode(batch);
        goBytes = go.writeAll(batch, true);
    }

    @Benchmark
    public byte[] binaryEncode() {
        return binary.encode(batch);
    }

    @Benchmark
    public List<LogEntry> binaryDecode() {
        return binary.decode(binaryBytes);
    }

    @Benchmark
    public byte[] smileEncode() {
        return smile.encode(batch);
    }

    @Benchmark
    public List<LogEntry> smileDecode() {
        return smile.decode(smileBytes);
    }

    @Benchmark
    public byte[] goPrettyEncode() {
        return go.writeAll(batch, true);
    }

    @Benchmark
    public List<LogEntry> goPrettyDecode() {
        return go.readAll(goBytes);
    }
}
