package dev.batchyard.bench;

import dev.batchyard.serve.ingest.BodyLimits;
import dev.batchyard.serve.ingest.LokiEntries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * and waits for a group commit (a real {@code fdatasync} of a small write per group, by one commit
 * thread, as the WAL writer does) before answering 204. Two handlers:
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
                    try (Commits commits = new Commits(dir.resolve("log-" + async + round + run))) {
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
                                System.out.printf("%-8s %7.0f /s p50 %5.2f ms p99 %6.2f ms | %.1f pushes per force | %s%n",
                                        async ? "async" : "blocking", o.perSecond(), o.percentileMillis(0.5),
                                        o.percentileMillis(0.99), (double) o.pushes() / commits.forces, sampler.report());
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

    private static Server server(boolean async, Commits commits) throws Exception {
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
        private final Commits commits;

        BlockingPush(Commits commits) {
            this.commits = commits;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            byte[] body = BufferUtil.toArray(Content.Source.asByteBuffer(request));
            decode(body);
            commits.await(commits.enqueue(null));
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
    }

    /** Reads and decodes on the thread Jetty calls it on (the selector's), answers from the commit thread. */
    private static final class AsyncPush extends Handler.Abstract.NonBlocking {
        private final Commits commits;

        AsyncPush(Commits commits) {
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
        private final Commits commits;
        private final byte[] body;
        private int filled;

        Reading(Request request, Response response, Callback callback, Commits commits, int length) {
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
            commits.enqueue(() -> {
                response.setStatus(204);
                callback.succeeded();
            });
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    /** One commit thread: each group of queued pushes gets one small write and one force, as the WAL's. */
    private static final class Commits implements AutoCloseable {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition work = lock.newCondition();
        private final Condition durable = lock.newCondition();
        private final List<Runnable> queued = new ArrayList<>();
        private final FileChannel file;
        private final Thread writer;
        private long next = 1;
        private long done;
        private boolean closing;
        volatile long forces;

        Commits(Path path) throws IOException {
            file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            writer = new Thread(this::loop, "batchyard-wal-writer");
            writer.setDaemon(true);
            writer.start();
        }

        long enqueue(Runnable answer) {
            lock.lock();
            try {
                queued.add(answer);
                work.signal();
                return next++;
            } finally {
                lock.unlock();
            }
        }

        void await(long ticket) {
            lock.lock();
            try {
                while (done < ticket) {
                    durable.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
        }

        private void loop() {
            ByteBuffer record = ByteBuffer.allocateDirect(8 * 1024);
            try {
                while (true) {
                    List<Runnable> group;
                    long last;
                    lock.lock();
                    try {
                        while (queued.isEmpty() && !closing) {
                            work.awaitUninterruptibly();
                        }
                        if (queued.isEmpty()) {
                            return;
                        }
                        group = new ArrayList<>(queued);
                        queued.clear();
                        last = next - 1;
                    } finally {
                        lock.unlock();
                    }
                    record.clear();
                    file.write(record);
                    file.force(false);
                    forces++;
                    lock.lock();
                    try {
                        done = last;
                        durable.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    for (Runnable answer : group) {
                        if (answer != null) {
                            answer.run();
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws Exception {
            lock.lock();
            try {
                closing = true;
                work.signal();
            } finally {
                lock.unlock();
            }
            writer.join();
            file.close();
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
