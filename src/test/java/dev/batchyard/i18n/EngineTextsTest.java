package dev.batchyard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ActionResult;
import dev.batchyard.engine.ConfigException;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.DamagedBatchException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.engine.store.StoreReadOnlyException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EngineTextsTest {
    private static final EngineTexts ENGLISH = new EngineTexts(Language.ENGLISH);
    private static final EngineTexts PORTUGUESE = new EngineTexts(Language.BRAZILIAN_PORTUGUESE);
    private static final Path STORE = Path.of("/var/lib/batchyard/store");

    private static ActionResult sample(ActionResult.Reason reason) {
        String[] args = IntStream.range(0, reason.arity()).mapToObj(i -> "arg" + i).toArray(String[]::new);
        return ActionResult.of("b-1", reason, args);
    }

    @ParameterizedTest
    @EnumSource(ActionResult.Reason.class)
    void everyReasonIsWordedInEnglishAsTheEngineLogsIt(ActionResult.Reason reason) {
        ActionResult result = sample(reason);

        assertEquals(result.message(), ENGLISH.reason(result));
    }

    @ParameterizedTest
    @EnumSource(ActionResult.Reason.class)
    void everyReasonHasItsOwnPortugueseWordsWithEveryArgument(ActionResult.Reason reason) {
        ActionResult result = sample(reason);

        String text = PORTUGUESE.reason(result);
        // a key missing from the pt_BR bundle falls back to the English one
        assertNotEquals(ENGLISH.reason(result), text, reason + " has no Portuguese text");
        for (String arg : result.args()) {
            assertTrue(text.contains(arg), () -> text + " drops " + arg);
        }
    }

    @Test
    void aSinkNameWithAnApostropheIsQuotedAsIs() {
        ActionResult result = ActionResult.of("b-1", ActionResult.Reason.SINK_NOT_CONFIGURED, "o'brien");

        assertEquals("o sink 'o'brien' não está configurado ou está desativado", PORTUGUESE.reason(result));
    }

    @Test
    void aStoreLockedByAnotherProcessIsSaidWholeWithTheDirectoryAndPid() {
        FailureText text = PORTUGUESE.failure(new StoreLockedException("store ... in use", STORE, 41_234));

        assertEquals("O armazenamento " + STORE + " está em uso por outro processo (pid 41234).", text.headline());
        assertEquals("", text.detail());
    }

    @Test
    void aReadOnlyStoreIsSaidWhole() {
        FailureText text = PORTUGUESE.failure(new StoreReadOnlyException(STORE));

        assertTrue(text.headline().contains("só para leitura") && text.headline().contains(STORE.toString()),
                text.headline());
    }

    @Test
    void backPressureKeepsTheEnglishCountsAsDetail() {
        BackPressureException full = new BackPressureException("store x holds 1000 batches, the limit "
                + "(max_pending_batches) is 1000; batch 'b-9' was not stored");

        FailureText text = PORTUGUESE.failure(full);

        assertEquals("O armazenamento está cheio (max_pending_batches): o lote não foi armazenado.", text.headline());
        assertEquals(full.getMessage(), text.detail());
    }

    @Test
    void aBatchSetAsideForDamageSaysWhereItsBytesAreAndKeepsWhatIsWrongInEnglish() {
        Path kept = STORE.resolve("quarantine").resolve("00000000000000000003.seg");
        DamagedBatchException damaged = new DamagedBatchException("batch 'b-7' cannot be read: record at offset 16 "
                + "fails its checksum; it was set aside", "b-7", kept);

        FailureText text = PORTUGUESE.failure(damaged);

        assertEquals("O lote 'b-7' está danificado no disco: foi posto de lado, não enviado, e seus bytes estão "
                + "guardados em " + kept + ".", text.headline());
        assertEquals(damaged.getMessage(), text.detail());
    }

    @Test
    void aDamagedBatchInAReadOnlyViewIsSaidToBeLeftInPlace() {
        FailureText text = ENGLISH.failure(new DamagedBatchException("batch 'b-7' cannot be read: ...; read-only: "
                + "left in place", "b-7", null));

        assertEquals("The batch 'b-7' is damaged on disk; this read-only view leaves it in place.", text.headline());
    }

    @Test
    void aConfigValueNamesKeyAndValueInTheLanguageAndKeepsWhatIsAllowedInEnglish() {
        FailureText text = PORTUGUESE.failure(new ConfigException("persistence.batch_timeout", "soon",
                "must be a Go duration such as 30s"));

        assertEquals("Valor inválido para persistence.batch_timeout: 'soon'", text.headline());
        assertEquals("must be a Go duration such as 30s", text.detail());
    }

    @Test
    void anyOtherStoreProblemGetsAHeadlineAndKeepsItsOwnText() {
        FailureText text = PORTUGUESE.failure(new StoreException("cannot open store /x: disk on fire"));

        assertEquals("O armazenamento relatou um problema.", text.headline());
        assertEquals("cannot open store /x: disk on fire", text.detail());
    }

    @Test
    void aFailureWrappedByABackgroundTaskIsDescribedByItsCause() {
        UncheckedIOException io = new UncheckedIOException(new AccessDeniedException("/x/batch_1.json"));

        FailureText text = ENGLISH.failure(new CompletionException(io));

        assertEquals("Could not read or write a file.", text.headline());
        assertTrue(text.detail().contains("/x/batch_1.json"), text.detail());
        assertFalse(text.oneLine().contains("CompletionException"), text.oneLine());
    }
}
