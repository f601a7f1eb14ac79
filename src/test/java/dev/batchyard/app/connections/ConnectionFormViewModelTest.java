package dev.batchyard.app.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.connections.ConnectionBook;
import dev.batchyard.connections.ConnectionFile;
import dev.batchyard.connections.Environment;
import dev.batchyard.connections.LocalConnection;
import dev.batchyard.connections.RemoteConnection;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.Delivery;
import dev.batchyard.runtime.StoreOpener;
import dev.batchyard.serve.testsupport.ServeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The New / Edit connection dialog's state without a window: what it refuses, what Test answers, what Save keeps. */
class ConnectionFormViewModelTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;

    private final TaskExecutor now = new CurrentThreadTaskExecutor();

    private SavedConnections saved() {
        return new SavedConnections(new ConnectionFile(dir.resolve("config").resolve("connections.json"), CLOCK), now);
    }

    private ConnectionFormViewModel form(SavedConnections saved) {
        ConnectionTester tester = new ConnectionTester(StoreOpener.standard(CLOCK), ENGLISH);
        return new ConnectionFormViewModel(saved, tester::test, now, ENGLISH, Optional.empty());
    }

    @Test
    void aFormWithoutANameOrWithARelativeDirectoryOrPlainHttpAcrossTheNetworkIsRefusedWithTheRecordsWords() {
        ConnectionFormViewModel form = form(saved());
        form.storeProperty().set(dir.toString());
        form.save(() -> { throw new AssertionError("saved without a name"); });
        assertEquals("a connection needs a name", form.problemProperty().get());

        form.nameProperty().set("archive");
        form.storeProperty().set("stores/archive");
        assertTrue(form.connection().isEmpty());
        assertEquals("store: 'stores/archive' is not an absolute path", form.problemProperty().get());

        form.kindProperty().set(ConnectionFormViewModel.Kind.REMOTE);
        form.urlProperty().set("http://logs-eu:7431");
        assertTrue(form.connection().isEmpty());
        assertTrue(form.problemProperty().get().contains("plain http to another machine"), form.problemProperty().get());

        form.urlProperty().set("https://logs-eu:7431/");
        assertEquals(Optional.of(new RemoteConnection("archive", Environment.DEV,
                java.net.URI.create("https://logs-eu:7431"), Optional.empty(), Optional.empty())), form.connection());
        assertEquals("", form.problemProperty().get());
    }

    @Test
    void testOnALocalDirectorySaysWhetherItIsAStoreAnEmptyDirectoryOrNeither() throws Exception {
        ConnectionFormViewModel form = form(saved());
        form.nameProperty().set("local");

        Path empty = Files.createDirectory(dir.resolve("empty"));
        form.storeProperty().set(empty.toString());
        form.test();
        assertEquals("An empty directory: a new store will be made in it. " + empty, form.answerProperty().get());
        assertTrue(form.answerOkProperty().get());

        Path other = Files.createDirectory(dir.resolve("other"));
        Files.writeString(other.resolve("notes.txt"), "not a store");
        form.storeProperty().set(other.toString());
        form.test();
        assertEquals("Not a store (it holds files but no segments directory): " + other, form.answerProperty().get());
        assertFalse(form.answerOkProperty().get());

        Path store = dir.resolve("store");
        seed(store, 3);
        form.storeProperty().set(store.toString());
        form.test();
        assertEquals("A store with 3 batches: " + store, form.answerProperty().get());
        assertTrue(form.answerOkProperty().get());

        Path absent = dir.resolve("absent");
        form.storeProperty().set(absent.toString());
        form.test();
        assertEquals("No such directory yet: a new store will be made there. " + absent, form.answerProperty().get());
    }

    @Test
    void testAgainstARealServeSaysTheTokensRoleAndTheBatchCountOrTheExactRefusal() throws Exception {
        Path store = dir.resolve("served");
        seed(store, 4);
        try (ServeFixture serve = new ServeFixture(store, ServeFixture.withTokens())) {
            ConnectionFormViewModel form = form(saved());
            form.nameProperty().set("eu-test");
            form.kindProperty().set(ConnectionFormViewModel.Kind.REMOTE);
            form.urlProperty().set(serve.url(""));
            form.tokenFileProperty().set(tokenFile("operator.token", ServeFixture.OPERATOR_TOKEN).toString());
            form.test();
            assertEquals("Connected to " + serve.url("") + " as operator: 4 batches.", form.answerProperty().get());
            assertTrue(form.answerOkProperty().get());

            form.tokenFileProperty().set(tokenFile("viewer.token", ServeFixture.VIEWER_TOKEN).toString());
            form.test();
            assertEquals("Connected to " + serve.url("") + " as viewer: 4 batches.", form.answerProperty().get());

            form.tokenFileProperty().set(tokenFile("wrong.token", "not-a-token-the-server-knows-0123").toString());
            form.test();
            assertFalse(form.answerOkProperty().get());
            assertTrue(form.answerProperty().get().startsWith("Failed: " + serve.url("") + ": "), form.answerProperty().get());
            assertTrue(form.answerProperty().get().contains("401") || form.answerProperty().get().toLowerCase(Locale.ROOT)
                    .contains("token"), form.answerProperty().get());
        }
    }

    @Test
    void anAnswerToAnOlderFormIsDroppedWhenAFieldChangesWhileTestRuns() throws Exception {
        List<Runnable> later = new ArrayList<>();
        TaskExecutor held = new TaskExecutor() {   // the test's answer arrives when the test says
            @Override
            public <T> void submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                later.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }

            @Override
            public void onUiThread(Runnable update) {
                update.run();
            }
        };
        ConnectionFormViewModel form = new ConnectionFormViewModel(saved(),
                c -> new ConnectionTester.Answer(true, "answer about " + c.name()), held, ENGLISH, Optional.empty());
        form.nameProperty().set("first");
        form.storeProperty().set(dir.toString());
        form.test();
        assertEquals("Testing\u2026", form.answerProperty().get());
        assertTrue(form.testingProperty().get());

        form.nameProperty().set("second");
        later.forEach(Runnable::run);

        assertEquals("", form.answerProperty().get());
        assertFalse(form.testingProperty().get());
    }

    @Test
    void saveKeepsTheConnectionInTheFileWithItsTokenFileAndNeverTheToken() throws Exception {
        SavedConnections saved = saved();
        ConnectionFormViewModel form = form(saved);
        Path token = tokenFile("eu.token", ServeFixture.OPERATOR_TOKEN);
        form.nameProperty().set("eu-prod");
        form.environmentProperty().set(Environment.PROD);
        form.kindProperty().set(ConnectionFormViewModel.Kind.REMOTE);
        form.urlProperty().set("https://logs-eu:7431");
        form.tokenFileProperty().set(token.toString());
        boolean[] done = {false};
        form.save(() -> done[0] = true);

        assertTrue(done[0]);
        ConnectionBook onDisk = new ConnectionFile(saved.path(), CLOCK).read();
        assertEquals(List.of(new RemoteConnection("eu-prod", Environment.PROD, java.net.URI.create("https://logs-eu:7431"),
                Optional.of(token), Optional.empty())), onDisk.connections());
        String text = Files.readString(saved.path());
        assertFalse(text.contains(ServeFixture.OPERATOR_TOKEN), text);
        assertTrue(text.contains("\"token_file\""), text);
    }

    @Test
    void aSecondConnectionUnderATakenNameIsRefusedAndEditingReplacesInPlace() {
        SavedConnections saved = saved();
        ConnectionFormViewModel first = form(saved);
        first.nameProperty().set("archive");
        first.storeProperty().set(dir.resolve("a").toString());
        first.save(() -> { });
        ConnectionFormViewModel second = form(saved);
        second.nameProperty().set("ARCHIVE");
        second.storeProperty().set(dir.resolve("b").toString());
        second.save(() -> { throw new AssertionError("two connections named archive"); });
        assertEquals("two connections are named 'ARCHIVE'", second.problemProperty().get());

        ConnectionTester tester = new ConnectionTester(StoreOpener.standard(CLOCK), ENGLISH);
        ConnectionFormViewModel edit = new ConnectionFormViewModel(saved, tester::test, now, ENGLISH, Optional.of("archive"));
        assertEquals(dir.resolve("a").toString(), edit.storeProperty().get());
        edit.environmentProperty().set(Environment.TEST);
        edit.save(() -> { });
        assertEquals(List.of(new LocalConnection("archive", Environment.TEST, dir.resolve("a"), Optional.empty())),
                saved.book().connections());
    }

    private Path tokenFile(String name, String token) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void seed(Path store, int batches) {
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), CLOCK)) {
            for (int i = 0; i < batches; i++) {
                engine.persistBatch("seed-" + i, List.of(), "loki");
            }
        }
    }
}
