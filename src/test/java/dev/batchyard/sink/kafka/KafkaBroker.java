package dev.batchyard.sink.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one process) on loopback, in
 * a child JVM whose class path is the broker's own artifacts, resolved by
 * {@code src/test/kafka-broker/pom.xml} into {@code target/kafka-broker/}: Kafka's dependencies
 * never meet the test class path. The storage is formatted first (with SCRAM users for the
 * {@link Security#SASL} variant), then {@code kafka.Kafka} starts; {@link #start} returns once the
 * broker logs that it started, or throws with the exit code and the end of its log. Small heap,
 * one network thread, one partition per topic by default: the machine has two cores.
 *
 * <p>The client listener speaks {@link Security}; the controller and inter-broker listeners are
 * plain text on loopback (their principal, {@code ANONYMOUS}, is a super user of the SASL variant).
 * {@link #kill} ends the process at once ({@code kill -9}); {@link #restart} starts it again on the
 * same ports and log directory.
 */
final class KafkaBroker implements AutoCloseable {
    /** The client listener's protocol. */
    enum Security { PLAINTEXT, SASL, SSL }

    /** Users of the SASL variant (SCRAM-SHA-256, SCRAM-SHA-512 and PLAIN): a super user, a writer, a stranger. */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String WRITER = "alice";
    static final String WRITER_PASSWORD = "alice-secret";
    static final String STRANGER = "bob";
    static final String STRANGER_PASSWORD = "bob-secret";
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Path dir;
    private final Security security;
    private final TestCa ca;
    private final int port;
    private final int controllerPort;
    private final int internalPort;
    private final Path log;
    private Process process;

    private KafkaBroker(Path dir, Security security, TestCa ca) throws IOException {
        this.dir = dir;
        this.security = security;
        this.ca = ca;
        int[] ports = freePorts(3);
        this.port = ports[0];
        this.controllerPort = ports[1];
        this.internalPort = ports[2];
        this.log = dir.resolve("broker.log");
    }

    static KafkaBroker start(Path dir, Security security) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCa ca = security == Security.SSL ? TestCa.create(dir.resolve("ca")) : null;
        KafkaBroker broker = new KafkaBroker(dir, security, ca);
        broker.format();
        broker.launch();
        return broker;
    }

    /** {@code 127.0.0.1:port} of the client listener. */
    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    TestCa ca() {
        return ca;
    }

    Security security() {
        return security;
    }

    /** Ends the broker at once, as {@code kill -9} does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the broker again on the same ports and data. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void format() throws IOException, InterruptedException {
        Path props = writeProperties();
        List<String> args = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(), "-c",
                props.toString()));
        if (security == Security.SASL) {
            for (String mechanism : List.of("SCRAM-SHA-256", "SCRAM-SHA-512")) {
                for (String[] user : users()) {
                    args.add("--add-scram");
                    args.add(mechanism + "=[name=" + user[0] + ",password=" + user[1] + "]");
                }
            }
        }
        Process format = java(args, dir.resolve("format.log")).start();
        if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IOException("formatting the Kafka storage failed (exit " + (format.isAlive() ? "none" : format.exitValue())
                    + "):\n" + tail(dir.resolve("format.log")));
        }
    }

    private void launch() throws IOException, InterruptedException {
        long before = Files.exists(log) ? Files.size(log) : 0;
        process = java(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), log).start();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (logSince(before).contains("Kafka Server started")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("the Kafka broker exited with " + process.exitValue() + " while starting:\n" + tail(log));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("the Kafka broker did not start within " + START_LIMIT + ":\n" + tail(log));
    }

    private ProcessBuilder java(List<String> args, Path output) throws IOException {
        Path logConfig = dir.resolve("log4j2.properties");
        Files.writeString(logConfig, String.join("\n",
                "rootLogger.level = INFO", "rootLogger.appenderRef.out.ref = out",
                "appender.out.type = Console", "appender.out.name = out", "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "logger.state.name = state.change.logger", "logger.state.level = WARN",
                "logger.request.name = kafka.request.logger", "logger.request.level = WARN", ""));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms96m", "-Xmx384m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Dlog4j2.configurationFile=" + logConfig.toUri(), "-cp", classPath()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    }

    private static String classPath() throws IOException {
        Path jars = Path.of(System.getProperty("kafka.broker.classpath", "target/kafka-broker"));
        if (!Files.isDirectory(jars)) {
            throw new IOException("no Kafka broker artifacts in " + jars.toAbsolutePath()
                    + ": run the build through Maven (generate-test-resources resolves them from src/test/kafka-broker/pom.xml)");
        }
        try (Stream<Path> files = Files.list(jars)) {
            return files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted()
                    .collect(Collectors.joining(java.io.File.pathSeparator));
        }
    }

    private Path writeProperties() throws IOException {
        String protocol = switch (security) {
            case PLAINTEXT -> "PLAINTEXT";
            case SASL -> "SASL_PLAINTEXT";
            case SSL -> "SSL";
        };
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "CLIENT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "CLIENT://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort);
        p.setProperty("listener.security.protocol.map", "CLIENT:" + protocol + ",INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "INTERNAL");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("log.dirs", dir.resolve("data").toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.network.threads", "1");
        p.setProperty("num.io.threads", "2");
        p.setProperty("background.threads", "2");
        p.setProperty("num.recovery.threads.per.data.dir", "1");
        p.setProperty("log.cleaner.enable", "false");
        if (security == Security.SASL) {
            p.setProperty("sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512,PLAIN");
            p.setProperty("listener.name.client.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.setProperty("listener.name.client.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            p.setProperty("listener.name.client.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + users().stream().map(u -> "user_" + u[0] + "=\"" + u[1] + "\"").collect(Collectors.joining(" "))
                            + ";");
            p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            p.setProperty("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
            p.setProperty("allow.everyone.if.no.acl.found", "false");
        }
        if (security == Security.SSL) {
            p.setProperty("listener.name.client.ssl.keystore.location", ca.brokerKeystore().toString());
            p.setProperty("listener.name.client.ssl.keystore.type", "PKCS12");
            p.setProperty("listener.name.client.ssl.keystore.password", TestCa.PASSWORD);
            p.setProperty("listener.name.client.ssl.key.password", TestCa.PASSWORD);
            p.setProperty("listener.name.client.ssl.truststore.location", ca.truststore().toString());
            p.setProperty("listener.name.client.ssl.truststore.type", "PKCS12");
            p.setProperty("listener.name.client.ssl.truststore.password", TestCa.PASSWORD);
            p.setProperty("listener.name.client.ssl.client.auth", "required");
        }
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "Batchyard test broker");
        }
        return file;
    }

    private static List<String[]> users() {
        return List.of(new String[] {ADMIN, ADMIN_PASSWORD}, new String[] {WRITER, WRITER_PASSWORD},
                new String[] {STRANGER, STRANGER_PASSWORD});
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    /**
     * A random cluster id as Kafka writes them (16 bytes, URL-safe base64). Passed as
     * {@code --cluster-id=ID}: one in 64 starts with '-', which the tool's parser took for an option
     * ("argument --cluster-id/-t: expected one argument"), failing a broker start at random.
     */
    private static String clusterId() {
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    private String logSince(long offset) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * {@code n} ports free on loopback, all different: each is held open until all are found, or the
     * system may hand the same one out twice (it did: the client and controller listeners on one port,
     * which the broker refuses).
     */
    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }
}
