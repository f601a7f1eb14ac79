package dev.batchyard.sink.http;

import static dev.batchyard.sink.testsupport.TestBatches.batch;
import static dev.batchyard.sink.testsupport.TestBatches.sinks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.DeliveryOutcome;
import dev.batchyard.engine.events.EventBus;
import dev.batchyard.sink.SinkDelivery;
import dev.batchyard.sink.SinkRegistry;
import dev.batchyard.sink.SinkRuntime;
import dev.batchyard.sink.config.SinkConfig;
import dev.batchyard.sink.testsupport.LogCapture;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTPS sinks against a real TLS server on loopback, with certificates made by the JDK's keytool. */
class TlsSinkTest {
    private static final char[] PASS = "changeit".toCharArray();
    /** Made once with keytool; see the README next to them. */
    private static final Path CERTS = Path.of("src/test/resources/tls");
    private HttpsServer server;
    private SinkRegistry registry;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (registry != null) {
            registry.close();
        }
    }

    private String serve(String keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(CERTS.resolve(keystore))) {
            ks.load(in, PASS);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private DeliveryOutcome send(String url, String tls) throws Exception {
        registry = SinkConfig.read(sinks("""
                sinks:
                  loki:
                    enabled: true
                    url: "%s"
                    timeout: 5s
                    tls: %s
                """.formatted(url, tls)), SinkRuntime.create(Clock.systemUTC(), 1));
        return registry.sink("loki").orElseThrow().deliver(batch("b-1", "loki", 1)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void trustsAServerWhoseCertificateIsInTheCaFile() throws Exception {
        String url = serve("right.p12");

        assertInstanceOf(DeliveryOutcome.Delivered.class,
                send(url, "{enabled: true, ca_file: \"" + CERTS.resolve("right.pem") + "\"}"));
    }

    @Test
    void refusesAnUnknownCertificateByDefaultAsRetryable() throws Exception {
        String url = serve("right.p12");

        DeliveryOutcome.Failed f = assertInstanceOf(DeliveryOutcome.Failed.class, send(url, "{enabled: true}"));

        assertTrue(f.retryable(), f.reason());
    }

    @Test
    void verifyCertificateFalseAcceptsAnyCertificateAndHostName() throws Exception {
        String url = serve("wrong.p12");

        assertInstanceOf(DeliveryOutcome.Delivered.class, send(url, "{enabled: true, verify_certificate: false}"));
    }

    @Test
    void verifyCertificateFalseIsAWarningInTheLogAtStart() throws Exception {
        String url = serve("wrong.p12");

        try (LogCapture log = new LogCapture()) {
            send(url, "{enabled: true, verify_certificate: false}");

            assertTrue(log.text().contains("WARN"), log.text());
            assertTrue(log.text().contains("sinks.loki: tls.verify_certificate is false"), log.text());
            assertTrue(log.text().contains("NOT checked"), log.text());
        }
    }

    @Test
    void verifyCertificateFalseIsSaidInTheDescriptionAndTheSinksHealth() throws Exception {
        send(serve("wrong.p12"), "{enabled: true, verify_certificate: false}");

        assertTrue(registry.sink("loki").orElseThrow().describe().contains("TLS NOT VERIFIED"),
                registry.sink("loki").orElseThrow().describe());
        SinkDelivery delivery = new SinkDelivery(registry, new EventBus(Clock.systemUTC()), Clock.systemUTC());
        assertTrue(delivery.status("loki").orElseThrow().description().contains("TLS NOT VERIFIED"));
    }

    @Test
    void aVerifiedSinkSaysNothingAboutTls() throws Exception {
        send(serve("right.p12"), "{enabled: true, ca_file: \"" + CERTS.resolve("right.pem") + "\"}");

        assertFalse(registry.sink("loki").orElseThrow().describe().contains("TLS"));
    }

    @Test
    void tlsEnabledWithAPlainHttpUrlIsRefusedAtLoad() {
        ConfigException e = assertThrows(ConfigException.class, () -> send("http://loki:3100", "{enabled: true}"));

        assertEquals("sinks.loki.url", e.key());
        assertTrue(e.getMessage().contains("plain text"), e.getMessage());
    }

    @Test
    void caFileDoesNotExcuseAWrongHostName() throws Exception {
        String url = serve("wrong.p12");

        DeliveryOutcome outcome = send(url, "{enabled: true, ca_file: \"" + CERTS.resolve("wrong.pem") + "\"}");

        assertEquals(DeliveryOutcome.Failed.class, outcome.getClass());
    }
}
