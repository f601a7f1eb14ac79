package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lang} picks the language of everything a person reads, and nothing a program reads. */
class CliLanguageTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(5), "elasticsearch");
            engine.markBatchFailed("b-2", "bulk request failed: 503 Service Unavailable");
        }
    }

    @Test
    void listInPortuguesePrintsPortugueseHeaders() {
        CliHarness.Run run = inTest.onStore("list", "--lang", "pt-BR");

        assertEquals(0, run.code(), run::toString);
        String header = run.out().lines().findFirst().orElseThrow();
        assertTrue(header.startsWith("ID") && header.contains("ESTADO") && header.contains("ENTRADAS")
                && header.contains("PRÓXIMA TENTATIVA") && header.contains("MOTIVO DA FALHA"), header);
        assertFalse(header.contains("STATE"), header);
    }

    @Test
    void listInEnglishPrintsEnglishHeadersWhateverTheOsLanguage() {
        CliHarness.Run run = inTest.onStore("list", "--lang=en");

        String header = run.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains("STATE") && header.contains("FAILURE REASON"), header);
    }

    @Test
    void listTimesFollowTheLanguage() {
        // CliHarness's clock is UTC and the store was written at 18:00 UTC on 26 Nov 2026
        assertTrue(inTest.onStore("list", "--lang", "pt-BR").out().contains("26/11/2026 18:00:00"),
                () -> inTest.onStore("list", "--lang", "pt-BR").out());
        assertTrue(inTest.onStore("list", "--lang", "en").out().contains("11/26/26, 6:00:00 PM"),
                () -> inTest.onStore("list", "--lang", "en").out());
    }

    @Test
    void jsonOutputIsIdenticalInEveryLanguage() {
        for (String command : new String[] {"list", "stats", "verify"}) {
            CliHarness.Run english = inTest.onStore(command, "--json", "--lang", "en");
            CliHarness.Run portuguese = inTest.onStore(command, "--json", "--lang", "pt-BR");

            assertEquals(0, portuguese.code(), portuguese::toString);
            assertEquals(english.out(), portuguese.out(), command);
        }
    }

    @Test
    void showJsonIsIdenticalInEveryLanguage() {
        CliHarness.Run english = inTest.onStore("show", "b-2", "--json", "--lang", "en");
        CliHarness.Run portuguese = inTest.onStore("show", "b-2", "--json", "--lang", "pt-BR");

        assertEquals(0, portuguese.code(), portuguese::toString);
        assertEquals(english.out(), portuguese.out());
    }

    @Test
    void showInPortugueseLabelsEveryField() {
        CliHarness.Run run = inTest.onStore("show", "b-2", "--lang", "pt-BR");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("MOTIVO DA FALHA") && run.out().contains("Tentativas de entrega:")
                && run.out().contains("Entradas: 5"), run.out());
    }

    @Test
    void actionResultsInJsonAreIdenticalInEveryLanguage() {
        CliHarness.Run english = inTest.onStore("discard", "zz-9", "--reason", "test", "--json", "--lang", "en");
        CliHarness.Run portuguese = inTest.onStore("discard", "zz-9", "--reason", "test", "--json", "--lang", "pt-BR");

        assertEquals(english.out(), portuguese.out());
        assertTrue(english.out().contains("zz-9"), english.out());
    }

    @Test
    void statsInPortugueseWordsThePlurals() {
        CliHarness.Run run = inTest.onStore("stats", "--lang", "pt-BR");

        assertTrue(run.out().startsWith("2 lotes, 8 entradas"), run.out());
        assertTrue(run.out().contains("Em disco:"), run.out());
    }

    @Test
    void helpFollowsTheLanguage() {
        CliHarness.Run run = inTest.run("list", "--help", "--lang", "pt-BR");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Uso: batchyard list"), run.out());
        assertTrue(run.out().contains("Lista os lotes armazenados"), run.out());
        assertTrue(run.out().contains("Mostra esta ajuda e sai."), run.out());
    }

    @Test
    void theRootHelpListsTheWindowsOwnOptionsBesideTheCommands() {
        CliHarness.Run run = inTest.run("--help");

        assertEquals(0, run.code(), run::toString);
        for (String option : new String[] {"--store=DIR", "--config=FILE", "--read-only", "--demo", "--lang=LANG"}) {
            assertTrue(run.out().contains(option), option + " in " + run.out());
        }
        assertTrue(run.out().contains("Window: simulated sinks and demo traffic"), run.out());
        assertTrue(run.out().contains("import-go"), run.out());
    }

    @Test
    void theRootHelpSaysTheWindowsOptionsInPortuguese() {
        CliHarness.Run run = inTest.run("--help", "--lang", "pt-BR");

        assertTrue(run.out().contains("Janela: abre o armazenamento só para consulta"), run.out());
    }

    @Test
    void usageErrorsFollowTheLanguage() {
        CliHarness.Run run = inTest.run("--lang", "pt-BR", "list");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("Falta --store DIR"), run.err());
        assertTrue(run.err().contains("Use 'batchyard list --help' para ver as opções."), run.err());
    }

    @Test
    void anUnsupportedLanguageIsAUsageError() {
        CliHarness.Run run = inTest.onStore("list", "--lang", "fr");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("fr") && run.err().contains("pt-BR"), run.err());
    }

    @Test
    void aRefusedRetryInPortugueseGivesTheEnginesReasonInPortuguese() {
        CliHarness.Run run = inTest.onStore("retry", "a-1", "--lang", "pt-BR");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("falhou  a-1: o sink 'loki' não está configurado ou está desativado"), run.out());
        assertFalse(run.out().contains("is not configured"), run.out());
    }

    @Test
    void aRefusedRerouteInPortugueseGivesTheEnginesReasonInPortuguese() {
        CliHarness.Run run = inTest.onStore("reroute", "a-1", "b-2", "--to", "kafka", "--lang", "pt-BR");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("falhou  b-2: o sink 'kafka' não está configurado ou está desativado"), run.out());
        assertTrue(run.out().contains("0 concluídos, 2 com falha"), run.out());
    }

    @Test
    void aRefusedActionInJsonCarriesAStableReasonAndTheEnglishMessageWhateverTheLanguage() {
        CliHarness.Run retry = inTest.onStore("retry", "a-1", "--json", "--lang", "pt-BR");
        CliHarness.Run reroute = inTest.onStore("reroute", "b-2", "zz-9", "--to", "kafka", "--json", "--lang", "pt-BR");

        assertEquals("sink_not_configured", retry.json().get("results").get(0).get("reason").asText());
        assertEquals("sink 'loki' is not configured or is disabled",
                retry.json().get("results").get(0).get("message").asText());
        assertEquals("sink_not_configured", reroute.json().get("results").get(1).get("reason").asText());
        assertEquals(inTest.onStore("retry", "a-1", "--json", "--lang", "en").out(), retry.out());
    }

    @Test
    void aDoneActionInJsonSaysWhatWasDone() {
        CliHarness.Run run = inTest.onStore("discard", "a-1", "--reason", "test", "--json", "--lang", "pt-BR");

        assertEquals("discarded", run.json().get("results").get(0).get("reason").asText());
        assertEquals("discarded", run.json().get("results").get(0).get("message").asText());
    }

    @Test
    void anUnknownOptionInPortugueseIsSaidInPortugueseWithTheNearestOption() {
        CliHarness.Run run = inTest.onStore("list", "--jsn", "--lang", "pt-BR");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: Opção desconhecida: '--jsn'"), run.err());
        assertTrue(run.err().contains("Você quis dizer: --json?"), run.err());
        assertTrue(run.err().contains("Use 'batchyard list --help' para ver as opções."), run.err());
        assertFalse(run.err().contains("Unknown option"), run.err());
    }

    @Test
    void anUnknownOptionInEnglishStaysEnglish() {
        CliHarness.Run run = inTest.onStore("list", "--foo", "--lang", "en");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: Unknown option: '--foo'"), run.err());
    }

    @Test
    void aMissingRequiredOptionInPortugueseNamesItWithItsValue() {
        CliHarness.Run run = inTest.onStore("reroute", "a-1", "--lang", "pt-BR");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: Falta a opção obrigatória: --to SINK"), run.err());
    }

    @Test
    void anOptionWithoutItsValueInPortugueseSaysTheValueIsMissing() {
        CliHarness.Run run = inTest.run("reroute", "a-1", "--store", inTest.store.toString(), "--lang", "pt-BR", "--to");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: A opção --to precisa de um valor (SINK)"), run.err());
    }

    @Test
    void aValueOutsideAChoiceInPortugueseListsTheChoices() {
        CliHarness.Run run = inTest.onStore("list", "--state", "LOST", "--lang", "pt-BR");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("Valor inválido para --state: 'LOST' (aceitos: PENDING, IN_FLIGHT, RETRY_WAIT, DEAD, HELD)"),
                run.err());
    }

    @Test
    void anUnknownCommandInPortugueseIsSaidInPortuguese() {
        CliHarness.Run run = inTest.run("--lang", "pt-BR", "lst");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("batchyard: Comando desconhecido: 'lst'"), run.err());
        assertTrue(run.err().contains("Você quis dizer: list"), run.err());
    }
}
