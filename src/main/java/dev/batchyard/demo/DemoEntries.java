package dev.batchyard.demo;

import dev.batchyard.model.LogEntry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Log entries that look like a small web shop's: services behind a gateway logging HTTP requests
 * with status and latency, at info/warn/error/debug, with trace and span ids, container labels,
 * and now and then an error carrying a multi-line Java stack trace. Repeatable for a given seed;
 * times come from the clock. Thread-safe.
 */
public final class DemoEntries {
    private static final List<String> SERVICES = List.of("gateway", "orders", "billing", "auth", "inventory", "search");
    private static final List<String> PATHS = List.of("/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/payments",
            "/api/v1/login", "/api/v1/stock/{id}", "/api/v1/search", "/healthz");
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "POST", "PUT", "DELETE");
    private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
    private static final List<String> FAILURES = List.of(
            "upstream timed out after 3000ms", "connection reset by peer", "deadlock detected; transaction rolled back",
            "card declined by issuer", "token signature invalid");

    private final Random random;
    private final Clock clock;

    public DemoEntries(Random random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    public LogEntry next() {
        String service = pick(SERVICES);
        String level = level();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int status = status(level);
        long latencyMs = level.equals("error") ? 800 + random.nextInt(4000) : 2 + random.nextInt(250);
        String method = pick(METHODS);
        String path = pick(PATHS).replace("{id}", Integer.toString(1000 + random.nextInt(9000)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("service", service);
        labels.put("env", random.nextInt(10) < 8 ? "prod" : "staging");
        labels.put("region", pick(REGIONS));
        labels.put("pod", service + "-" + Integer.toHexString(0x10000 + random.nextInt(0xeffff)));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("path", path);
        fields.put("status", status);
        fields.put("latency_ms", latencyMs);
        return LogEntry.builder()
                .traceId(hex(32)).spanId(hex(16))
                .timestamp(now).processedAt(now.plusNanos(50_000 + random.nextInt(900_000)))
                .duration(latencyMs * 1_000_000)
                .message(message(level, service, method, path, status, latencyMs))
                .level(level).sourceType("container").sourceId(hex(12))
                .labels(labels).fields(fields).tags(List.of("demo"))
                .build();
    }

    private String message(String level, String service, String method, String path, int status, long latencyMs) {
        String line = method + " " + path + " " + status + " " + latencyMs + "ms";
        if (level.equals("debug")) {
            return "cache lookup for " + path + ": " + (random.nextBoolean() ? "hit" : "miss");
        }
        if (!level.equals("error")) {
            return line;
        }
        String failure = pick(FAILURES);
        return random.nextInt(3) == 0 ? line + " " + failure + "\n" + stackTrace(service, failure) : line + " " + failure;
    }

    private String stackTrace(String service, String failure) {
        String pkg = "com.shop." + service;
        return "java.lang.IllegalStateException: " + failure + "\n"
                + "\tat " + pkg + ".Handler.handle(Handler.java:" + (40 + random.nextInt(200)) + ")\n"
                + "\tat " + pkg + ".Router.dispatch(Router.java:" + (20 + random.nextInt(80)) + ")\n"
                + "\tat io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:444)\n"
                + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
                + "Caused by: java.net.SocketTimeoutException: Read timed out\n"
                + "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)\n"
                + "\t... 12 more";
    }

    private String level() {
        int r = random.nextInt(100);
        return r < 70 ? "info" : r < 85 ? "warn" : r < 93 ? "error" : "debug";
    }

    private int status(String level) {
        return switch (level) {
            case "error" -> random.nextBoolean() ? 500 : 502 + random.nextInt(2);
            case "warn" -> List.of(400, 401, 404, 409, 429).get(random.nextInt(5));
            default -> random.nextInt(10) == 0 ? 201 : 200;
        };
    }

    private String hex(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
