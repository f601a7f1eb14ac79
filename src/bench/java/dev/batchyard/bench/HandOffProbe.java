package dev.batchyard.bench;

import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.LokiEntries;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * What Jetty's threading costs a push, apart from the engine: the same 16 kept-alive clients and
 * Loki bodies as the ingest suite, against a bare Jetty whose handler decodes the push into entries
 * and waits for a group commit ({@link GroupCommitLog}: a small record per push, one {@code fdatasync}
 * per group, by one commit thread, as the WAL writer does) before answering 204. Two handlers:
 * <ul>
 *   <li>{@code blocking}: as {@code serve} is today: a pool thread reads, decodes, parks until its
 *       group is forced, and answers;</li>
 *   <li>{@code async}: a non-blocking handler: the selector's thread reads and decodes, queues the
 *       answer, and returns; the commit thread answers every push of a group once it is forced.</li>
 * </ul>
 * Neither stores the batch: this measures the hand-offs an asynchronous persist (a future
 * completed by the WAL writer) would save, to decide whether that engine change is worth making.
 * Run: {@code java -cp ... dev.batchyard.bench.HandOffProbe [seconds per run] [runs] [warm-up seconds]}.
 */
public final class HandOffProbe {
    private static final BodyLimits LIMITS = new BodyLimits(64 << 20, 64 << 20);
    /** What each push writes to the log: the force, not the bytes, is what the probe pays for. */
    private static final byte[] RECORD = new byte[64];

    private HandOffProbe() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        IngestRun.Bodies bodies = IngestRun.Bodies.make(16);
        Path dir = Files.createTempDirectory("handoff-probe");
        for (int round = 0; round < runs; round++) {
            for (boolean async : new boolean[] {false, true}) {
                for (int run = -1; run < 1; run++) {
                    CommitStats stats = new CommitStats();
                    try (GroupCommitLog commits = new GroupCommitLog(dir.resolve("log-" + async + round + run), stats)) {
                        Server server = server(async, commits);
                        try {
                            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
                            List<ByteBuffer> requests = bodies.json().stream()
                                    .map(b -> KeepAliveClient.post("/loki/api/v1/push", "application/json", "t", b)).toList();
                            KeepAliveClient[] clients = new KeepAliveClient[IngestRun.CLIENTS];
                            Sampler sampler = new Sampler();
                            IngestRun.Outcome o = new Load(clients, port, requests)
                                    .timed((long) ((run < 0 ? warmup : seconds) * 1e9), sampler);
                            for (KeepAliveClient c : clients) {
                                if (c != null) {
                                    c.close();
                                }
                            }
                            if (run >= 0) {
                                System.out.printf("%-8s %7.0f /s p50 %5.2f ms p99 %6.2f ms | %s | %s%n",
                                        async ? "async" : "blocking", o.perSecond(), o.percentileMillis(0.5),
                                        o.percentileMillis(0.99), stats.summary(), sampler.report());
                            }
                        } finally {
                            server.stop();
                        }
                    }
                }
            }
        }
        Scratch.delete(dir);
    }

    private static Server server(boolean async, GroupCommitLog commits) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("batchyard-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setInputBufferSize(64 * 1024);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(async ? new AsyncPush(commits) : new BlockingPush(commits));
        server.start();
        return server;
    }

    private static void decode(byte[] body) {
        if (LokiEntries.read("application/json", null, body, LIMITS, OffsetDateTime.now(ZoneOffset.UTC)).size()
                != IngestRun.ENTRIES) {
            throw new IllegalStateException("a push decoded to the wrong number of entries");
        }
    }

    /** As serve's handler: a pool thread reads the body, decodes, waits for its group's force. */
    private static final class BlockingPush extends Handler.Abstract {
        private final GroupCommitLog commits;

        BlockingPush(GroupCommitLog commits) {
            this.commits = commits;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(request));
            decode(body);
            commits.appendDurably(RECORD);
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
    }

    /** Reads and decodes on the thread Jetty calls it on (the selector's), answers from the commit thread. */
    private static final class AsyncPush extends Handler.Abstract.NonBlocking {
        private final GroupCommitLog commits;

        AsyncPush(GroupCommitLog commits) {
            this.commits = commits;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            new Reading(request, response, callback, commits, (int) request.getLength()).run();
            return true;
        }
    }

    /** Reads a body of known length chunk by chunk without blocking, then decodes and queues the answer. */
    private static final class Reading implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final GroupCommitLog commits;
        private final byte[] body;
        private int filled;

        Reading(Request request, Response response, Callback callback, GroupCommitLog commits, int length) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.commits = commits;
            this.body = new byte[length];
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    callback.failed(chunk.getFailure());
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                b.get(body, filled, n);
                filled += n;
                chunk.release();
                if (chunk.isLast()) {
                    break;
                }
            }
            decode(body);
            commits.append(RECORD, () -> {
                response.setStatus(204);
                callback.succeeded();
            });
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** The 16 clients of the ingest suite, on a bare server. */
    private record Load(KeepAliveClient[] clients, int port, List<ByteBuffer> requests) {
        IngestRun.Outcome timed(long nanos, Sampler sampler) throws Exception {
            return IngestRun.timedCalls((c, n) -> {
                if (clients[c] == null) {
                    clients[c] = new KeepAliveClient(port);
                }
                int status = clients[c].send(requests.get((c + n) % requests.size()));
                if (status != 204) {
                    throw new IllegalStateException("push answered " + status);
                }
            }, nanos, "h", sampler);
        }
    }

    /** The server's threads' CPU (user / system) and switches per push over one run. */
    static final class Sampler implements IngestRun.RunHook {
        private java.util.Map<String, Long> cpu;
        private java.util.Map<String, Long> user;
        private java.util.Map<String, long[]> switches;
        private String report = "";

        @Override
        public void started() {
            cpu = IngestProbe.byGroup();
            user = IngestProbe.userByGroup();
            switches = IngestProbe.switchesByGroup();
        }

        @Override
        public void ended(IngestRun.Outcome o) {
            report = IngestProbe.kernel(o, cpu, IngestProbe.byGroup(), user, IngestProbe.userByGroup(), switches,
                    IngestProbe.switchesByGroup()).strip().replaceAll("\\s+", " ");
        }

        String report() {
            return report;
        }
    }
}
