package dev.batchyard.bench;

import dev.batchyard.model.GoJson;
import dev.batchyard.model.LogEntry;
import dev.batchyard.model.SampleEntries;
import dev.batchyard.model.SmileEntriesCodec;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: the store's entries codec against the seed's Go pretty JSON, on one realistic 100-entry batch. */
@State(Scope.Benchmark)
public class CodecBenchmarks {
    private List<LogEntry> batch;
    private SmileEntriesCodec smile;
    private GoJson go;
    private byte[] smileBytes;
    private byte[] goBytes;

    @Setup
    public void setUp() {
        batch = SampleEntries.realistic(7, 100);
        smile = new SmileEntriesCodec();
        go = new GoJson();
        smileBytes = smile.encode(batch);
        goBytes = go.writeAll(batch, true);
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
