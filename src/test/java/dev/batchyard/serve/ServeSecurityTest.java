package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static dev.batchyard.serve.testsupport.ServeFixture.INGEST_TOKEN;
import static dev.batchyard.serve.testsupport.ServeFixture.VIEWER_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.config.ListenAddress;
import dev.batchyard.config.ServeSettings;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.serve.testsupport.Http;
import dev.batchyard.serve.testsupport.ServeFixture;
import dev.batchyard.serve.testsupport.TestCa;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens, roles, TLS and what keeps web pages out, against a real server on loopback. */
class ServeSecurityTest {
    private static final byte[] PUSH = ServeIngestTest.PUSH.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private ServeFixture inTest;
    private final Http http = new Http();

    @AfterEach
    void stop() {
        if (inTest != null) {
            inTest.close();
        }
    }

    private ServeFixture start(ServeSettings settings) {
        inTest = new ServeFixture(dir.resolve("store"), settings);
        return inTest;
    }

    @Test
    void withoutATokenAPushIs401AndNothingIsStored() {
        start(ServeFixture.withTokens());

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH);

        assertEquals(401, answer.statusCode());
        assertEquals("Bearer realm=\"batchyard\"", answer.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(List.of(), inTest.stored());
    }

    @Test
    void aTokenNobodyHasIs401() {
        start(ServeFixture.withTokens());

        assertEquals(401, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                bearer("not-a-token-of-anyone-at-all")).statusCode());
        assertEquals(401, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                "Authorization", "Basic " + INGEST_TOKEN).statusCode());
        assertEquals(401, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                "Authorization", "Bearer " + INGEST_TOKEN.substring(1)).statusCode());
    }

    /**
     * A push refused for its token, whose body comes after its headers (as the JDK's client and many
     * shippers send it): the server reads the body before it answers, so the answer arrives whole and
     * the connection stays open. Answered over the unread body, the connection closed, and the body on
     * its way met a reset that could destroy the 401 before the client read it (this suite's
     * aTokenNobodyHasIs401 failed so once: "header parser received no bytes").
     */
    @Test
    void aRefusedPushWhoseBodyComesLateStillGetsItsAnswerOnAConnectionThatStaysOpen() throws Exception {
        start(ServeFixture.withTokens());

        try (Socket s = new Socket("127.0.0.1", inTest.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /loki/api/v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer not-a-token\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + PUSH.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300);   // the body comes later
            out.write(PUSH);
            out.flush();
            assertTrue(head(in).startsWith("HTTP/1.1 401 "), "the refusal");
            out.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertTrue(head(in).startsWith("HTTP/1.1 200 "), "a second request on the same connection");
        }
        assertEquals(List.of(), inTest.stored());
    }

    /** One answer's status line and headers, and its body skipped by its length. */
    private static String head(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("the connection closed after: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.toString();
    }

    @Test
    void theSchemeWordIsReadInAnyCase() {
        start(ServeFixture.withTokens());

        assertEquals(204, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                "Authorization", "bearer " + INGEST_TOKEN).statusCode());
    }

    @Test
    void healthzNeedsNoToken() {
        start(ServeFixture.withTokens());

        HttpResponse<String> answer = http.get(inTest.url("/healthz"));

        assertEquals(200, answer.statusCode());
        assertEquals("{\"status\":\"ok\"}", answer.body());
    }

    @Test
    void metricsNeedAReadingToken() {
        start(ServeFixture.withTokens());

        assertEquals(401, http.get(inTest.url("/metrics")).statusCode());
        assertEquals(403, http.get(inTest.url("/metrics"), bearer(INGEST_TOKEN)).statusCode());
        assertEquals(200, http.get(inTest.url("/metrics"), bearer(VIEWER_TOKEN)).statusCode());
    }

    @Test
    void withoutConfiguredTokensEveryoneOnLoopbackMayPush() {
        start(ServeFixture.settings(List.of()));

        assertEquals(204, http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH).statusCode());
        assertEquals("anonymous", inTest.stored().get(0).context().get("pushed_by"));
    }

    @Test
    void aRequestFromAWebPageIsRefusedEvenWithoutTokens() {
        start(ServeFixture.settings(List.of()));

        HttpResponse<String> answer = http.post(inTest.url("/loki/api/v1/push"), "application/json", PUSH,
                "Origin", "https://evil.example");

        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains("requests from web pages"), answer.body());
        assertEquals(List.of(), inTest.stored());
        assertTrue(answer.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void aRequestForAnotherHostOnLoopbackIsRefused() throws Exception {
        start(ServeFixture.settings(List.of()));

        String answer = raw(inTest.port(), "GET /healthz HTTP/1.1\r\nHost: rebind.evil.example:7431\r\n"
                + "Connection: close\r\n\r\n");

        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
    }

    @Test
    void loopbackHostsAreAnswered() throws Exception {
        start(ServeFixture.settings(List.of()));

        for (String host : new String[]{"localhost", "127.0.0.1:" + inTest.port(), "[::1]:7431", "LOCALHOST"}) {
            String answer = raw(inTest.port(), "GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 200"), host + ": " + answer);
        }
    }

    @Test
    void anUnknownPathIs404AndAnotherMethodIs405() {
        start(ServeFixture.withTokens());

        assertEquals(404, http.get(inTest.url("/nothing/here"), bearer(VIEWER_TOKEN)).statusCode());
        assertEquals(405, http.get(inTest.url("/loki/api/v1/push"), bearer(VIEWER_TOKEN)).statusCode());
    }

    @Test
    void httpsWithATestCaServesAClientThatTrustsOnlyThatCa() throws Exception {
        TestCa ca = new TestCa("Batchyard test CA");
        Path[] files = ca.serverFiles(dir, "EC");
        ServeSettings plain = ServeFixture.withTokens();
        start(new ServeSettings(plain.listen(), Optional.of(new ServeSettings.TlsFiles(files[0], files[1])),
                plain.tokens(), plain.lokiSink(), plain.lokiTenants(), plain.limits(), plain.retryAfter(), Optional.empty()));
        Http https = new Http(HttpClient.newBuilder().sslContext(ca.clientContext()).build());

        HttpResponse<String> answer = https.post("https://127.0.0.1:" + inTest.port() + "/loki/api/v1/push",
                "application/json", PUSH, bearer(INGEST_TOKEN));

        assertEquals(204, answer.statusCode(), answer.body());
        assertEquals(1, inTest.stored().size());
    }

    @Test
    void anRsaKeyInPkcs1FormServesToo() throws Exception {
        TestCa ca = new TestCa("Batchyard test CA");
        Path[] files = ca.serverFiles(dir, "RSA");
        String pkcs8 = java.nio.file.Files.readString(files[1]);
        byte[] der = java.util.Base64.getMimeDecoder().decode(pkcs8.replaceAll("-----[A-Z ]+-----", ""));
        byte[] pkcs1 = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(der).parsePrivateKey().toASN1Primitive()
                .getEncoded();
        java.nio.file.Files.writeString(files[1], "-----BEGIN RSA PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n");
        ServeSettings plain = ServeFixture.withTokens();
        start(new ServeSettings(plain.listen(), Optional.of(new ServeSettings.TlsFiles(files[0], files[1])),
                plain.tokens(), plain.lokiSink(), plain.lokiTenants(), plain.limits(), plain.retryAfter(), Optional.empty()));
        Http https = new Http(HttpClient.newBuilder().sslContext(ca.clientContext()).build());

        assertEquals(200, https.get("https://127.0.0.1:" + inTest.port() + "/healthz").statusCode());
    }

    @Test
    void anEncryptedKeyIsRefusedNamingTheFileAndTheFix() throws Exception {
        TestCa ca = new TestCa("Batchyard test CA");
        Path[] files = ca.serverFiles(dir, "EC");
        java.nio.file.Files.writeString(files[1], "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        ServeSettings plain = ServeFixture.withTokens();

        ConfigException e = assertThrows(ConfigException.class, () -> start(new ServeSettings(plain.listen(),
                Optional.of(new ServeSettings.TlsFiles(files[0], files[1])), plain.tokens(), plain.lokiSink(),
                plain.lokiTenants(), plain.limits(), plain.retryAfter(), Optional.empty())));

        assertTrue(e.getMessage().startsWith("serve.tls.key_file: '" + files[1] + "' is encrypted"), e.getMessage());
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void listeningBeyondLoopbackWithoutTlsAndTokensIsRefused() {
        ServeSettings settings = ServeFixture.settings(List.of());

        ConfigException e = assertThrows(ConfigException.class,
                () -> Exposure.check(ListenAddress.parse("0.0.0.0:7431"), settings));

        assertEquals("serve.listen: '0.0.0.0:7431' is not a loopback address; listening on it needs serve.tls and"
                + " serve.tokens, or anyone on the network could read and change the store", e.getMessage());
        assertThrows(ConfigException.class, () -> Exposure.check(ListenAddress.parse("0.0.0.0:7431"),
                ServeFixture.withTokens()));
    }

    @Test
    void listeningOnLoopbackNeedsNeither() {
        Exposure.check(ListenAddress.parse("127.0.0.1:7431"), ServeFixture.settings(List.of()));
        Exposure.check(ListenAddress.parse("[::1]:7431"), ServeFixture.settings(List.of()));
        Exposure.check(ListenAddress.parse("localhost:7431"), ServeFixture.settings(List.of()));
    }

    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
