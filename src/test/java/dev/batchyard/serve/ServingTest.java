package dev.batchyard.serve;

import static dev.batchyard.serve.testsupport.Http.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.OpenStore;
import dev.batchyard.runtime.StoreLocation;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.testsupport.Http;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batchyard serve}'s start and drain, in this process, from a real config file. */
class ServingTest {
    private static final String TOKEN = "operator-token-0123456789abcdef";
    private static final String PUSH = "{\"streams\":[{\"stream\":{\"app\":\"orders\"},\"values\":[[\"1764160000000000000\",\"hi\"]]}]}";

    @TempDir
    Path dir;
    private PrintStream savedErr;
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    private Path config(String listen) throws Exception {
        return Files.writeString(dir.resolve("config.yaml"), """
                persistence:
                  directory: "%s"
                serve:
                  listen: "%s"
                  tokens:
                    - { name: ops, role: operator, token: "%s" }
                """.formatted(dir.resolve("store").toString().replace("\\", "/"), listen, TOKEN));
    }

    @Test
    void aPushIsStoredAndTheDrainClosesTheStoreAndLogsToTheFile() throws Exception {
        StoreLocation where = new StoreLocation(null, config("127.0.0.1:0"));
        try (Serving inTest = Serving.start(where, null, Clock.systemUTC())) {
            assertEquals(204, new Http().post("http://127.0.0.1:" + inTest.port() + "/loki/api/v1/push",
                    "application/json", PUSH.getBytes(StandardCharsets.UTF_8), bearer(TOKEN)).statusCode());
        }

        // the lock is released: the store opens again, with the push in it
        try (OpenStore again = StoreOpener.standard(Clock.systemUTC()).open(where, Mode.changing())) {
            assertEquals(1, again.console(new Actor("test")).stats().total());
        }
        String log = Files.readString(dir.resolve("store").resolve("serve.log"));
        assertTrue(log.contains("serving on http://127.0.0.1:"), log);
        assertTrue(log.contains("the store is closed and checkpointed"), log);
    }

    @Test
    void listenOverridesTheConfig() throws Exception {
        try (Serving inTest = Serving.start(new StoreLocation(null, config("127.0.0.1:1")), "127.0.0.1:0",
                Clock.systemUTC())) {
            assertTrue(inTest.port() > 1);
        }
    }

    @Test
    void aPortInUseIsRefusedNamingTheAddressAndTheStoreIsLeftClosed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StoreLocation where = new StoreLocation(null, config("127.0.0.1:" + taken.getLocalPort()));

            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> Serving.start(where, null, Clock.systemUTC()));

            assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains("another process listens on that port"), e.getMessage());
            StoreOpener.standard(Clock.systemUTC()).open(where, Mode.changing()).close(); // not left locked
        }
    }

    @Test
    void aStoreHeldByAnotherOpenIsRefusedNamingItsHolder() throws Exception {
        StoreLocation where = new StoreLocation(null, config("127.0.0.1:0"));
        try (OpenStore holder = StoreOpener.standard(Clock.systemUTC()).open(where, Mode.service())) {
            StoreLockedException e = assertThrows(StoreLockedException.class,
                    () -> Serving.start(where, null, Clock.systemUTC()));

            assertEquals(ProcessHandle.current().pid(), e.holderPid());
        }
    }

    @Test
    void aBadListenIsAConfigErrorNamingTheFileAndTheKey() throws Exception {
        Path config = config("localhost");

        ConfigException e = assertThrows(ConfigException.class,
                () -> Serving.start(new StoreLocation(null, config), null, Clock.systemUTC()));

        assertEquals("serve.listen", e.key());
        assertTrue(e.getMessage().contains(config.toString()), e.getMessage());
        assertTrue(e.allowed().contains("HOST:PORT"), e.allowed());
    }

    @Test
    void aBadListenOptionNamesTheOption() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Serving.start(new StoreLocation(null, config("127.0.0.1:0")), "7431", Clock.systemUTC()));

        assertEquals("--listen", e.key());
    }

    @Test
    void aNonLoopbackAddressWithoutTlsIsRefusedBeforeTheStoreIsOpened() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Serving.start(new StoreLocation(null, config("127.0.0.1:0")), "0.0.0.0:0", Clock.systemUTC()));

        assertTrue(e.getMessage().contains("serve.tls"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("store")), "the store was not created");
    }
}
