package dev.batchyard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.i18n.FailureText;
import dev.batchyard.i18n.Language;
import dev.batchyard.runtime.Mode;
import dev.batchyard.runtime.StoreLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    private static final Path HOME = Path.of("/home/ana");
    private static final Messages PORTUGUESE = LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE);

    @Test
    void noArgumentsMeansTheStoreInTheUsersDataDirectory() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of(), HOME);

        assertEquals(Path.of("/home/ana/.local/share/batchyard/store"), inTest.store());
        assertEquals(Optional.empty(), inTest.config());
        assertFalse(inTest.readOnly());
        assertFalse(inTest.demo());
    }

    @Test
    void xdgDataHomeMovesTheDefaultStore() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of("XDG_DATA_HOME", "/data/ana"), HOME);

        assertEquals(Path.of("/data/ana/batchyard/store"), inTest.store());
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of("XDG_DATA_HOME", "data"), HOME);

        assertEquals(Path.of("/home/ana/.local/share/batchyard/store"), inTest.store());
    }

    @Test
    void everyOptionIsRead() {
        LaunchOptions inTest = LaunchOptions.parse(
                List.of("--store", "/srv/store", "--config=/etc/by.yaml", "--read-only", "--demo"), Map.of(), HOME);

        assertEquals(Path.of("/srv/store"), inTest.store());
        assertEquals(Optional.of(Path.of("/etc/by.yaml")), inTest.config());
        assertTrue(inTest.readOnly());
        assertTrue(inTest.demo());
    }

    @Test
    void withAConfigAndNoStoreTheStoreThatOpensIsTheConfigsDirectory(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("config.yaml"),
                "persistence:\n  directory: " + dir.resolve("configured") + "\n");

        LaunchOptions inTest = LaunchOptions.parse(List.of("--config", config.toString()), Map.of(), HOME);

        assertEquals(dir.resolve("configured"), inTest.directory());
    }

    @Test
    void storeOverridesTheConfigsDirectoryInTheStoreThatOpens(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("config.yaml"),
                "persistence:\n  directory: " + dir.resolve("configured") + "\n");

        LaunchOptions inTest = LaunchOptions.parse(List.of("--config", config.toString(), "--store", "/srv/s"),
                Map.of(), HOME);

        assertEquals(Path.of("/srv/s"), inTest.directory());
    }

    @Test
    void anUnknownArgumentIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--stor", "x"), Map.of(), HOME));

        assertTrue(e.getMessage().contains("'--stor'"), e.getMessage());
    }

    @Test
    void aMissingValueIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--store", "--demo"), Map.of(), HOME));

        assertTrue(e.getMessage().contains("'--store' needs a value"), e.getMessage());
    }

    @Test
    void aLanguageBatchyardSpeaksIsAcceptedAndLeftToLanguageOption() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--lang", "pt-BR", "--demo", "--lang=en"), Map.of(), HOME);

        assertTrue(inTest.demo());
    }

    @Test
    void aLanguageBatchyardDoesNotSpeakIsAnError() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demo", "--lang", "xx"), Map.of(), HOME));

        assertEquals(LaunchArgumentException.Problem.UNKNOWN_LANGUAGE, e.problem());
        assertTrue(e.getMessage().contains("'xx'"), e.getMessage());
    }

    @Test
    void langWithoutAValueIsAMissingValue() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--lang"), Map.of(), HOME));

        assertEquals(LaunchArgumentException.Problem.MISSING_VALUE, e.problem());
        assertEquals("--lang", e.argument());
    }

    @Test
    void anUnknownArgumentIsSaidInPortugueseWithWhatTheAppTakes() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--stor", "x"), Map.of(), HOME));

        FailureText text = e.describe(PORTUGUESE);

        assertEquals("Argumento desconhecido: '--stor'. O aplicativo aceita --store DIR, --config FILE, "
                + "--read-only, --demo, --connection NAME, --connect URL (com --token-file FILE e --ca-file FILE) e --lang LANG "
                + "(en, pt-BR).", text.headline());
        assertEquals("", text.detail());
    }

    @Test
    void aMissingStoreValueIsSaidInPortugueseWithWhatItNeeds() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demo", "--store"), Map.of(), HOME));

        assertEquals("O argumento --store precisa de um valor: --store DIR", e.describe(PORTUGUESE).headline());
    }

    @Test
    void anUnsupportedLanguageIsSaidInPortugueseWithTheLanguagesThereAre() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--lang=fr"), Map.of(), HOME));

        assertEquals("Idioma não suportado: 'fr'. --lang aceita en, pt-BR.", e.describe(PORTUGUESE).headline());
    }

    @Test
    void everyProblemIsWordedInEveryLanguage() {
        for (Language language : Language.values()) {
            Messages messages = LanguageChoice.messages(language);
            for (List<String> args : List.of(List.of("--x"), List.of("--config"), List.of("--lang", "zz"))) {
                LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                        () -> LaunchOptions.parse(args, Map.of(), HOME));
                String headline = e.describe(messages).headline();
                assertTrue(headline.contains(e.problem() == LaunchArgumentException.Problem.UNKNOWN_LANGUAGE
                        ? "'zz'" : args.get(0)), () -> language + ": " + headline);
            }
        }
    }

    @Test
    void anEmptyStoreIsAMissingValueNotTheWorkingDirectory() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--store="), Map.of(), HOME));

        assertEquals(LaunchArgumentException.Problem.MISSING_VALUE, e.problem());
        assertEquals("--store", e.argument());
    }

    @Test
    void aStrayWordAfterTheOptionsIsNamedAsUnknown() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--demo", "list"), Map.of(), HOME));

        assertEquals(LaunchArgumentException.Problem.UNKNOWN_ARGUMENT, e.problem());
        assertEquals("list", e.argument());
    }

    @Test
    void anOptionGivenTwiceTakesTheLastValue() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--store", "/a", "--store=/b"), Map.of(), HOME);

        assertEquals(Path.of("/b"), inTest.store());
    }

    @Test
    void theAppsOwnOptionsOpenTheAppAndAnythingElseIsTheCli() {
        assertTrue(LaunchOptions.isAppCommandLine(List.of()));
        assertTrue(LaunchOptions.isAppCommandLine(List.of("--demo")));
        assertTrue(LaunchOptions.isAppCommandLine(List.of("--store=/srv/store", "--read-only")));
        assertFalse(LaunchOptions.isAppCommandLine(List.of("list", "--store", "/srv/store")));
        assertFalse(LaunchOptions.isAppCommandLine(List.of("--version")));
        assertFalse(LaunchOptions.isAppCommandLine(List.of("--help")));
    }

    @Test
    void theStoreGivenOverridesTheConfiguredDirectory() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--store", "/data/x", "--config", "/etc/b.yaml"), Map.of(), HOME);

        assertEquals(new StoreLocation(Path.of("/data/x"), Path.of("/etc/b.yaml")), inTest.location());
    }

    @Test
    void aConfigWithoutAStoreTakesItsOwnDirectory() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--config", "/etc/b.yaml"), Map.of(), HOME);

        assertEquals(new StoreLocation(null, Path.of("/etc/b.yaml")), inTest.location());
    }

    @Test
    void noStoreAndNoConfigIsTheDefaultStoreWithTheGoDefaults() {
        LaunchOptions inTest = LaunchOptions.parse(List.of(), Map.of(), HOME);

        assertEquals(StoreLocation.of(Path.of("/home/ana/.local/share/batchyard/store")), inTest.location());
    }

    @Test
    void theWindowOpensForChangesUnlessReadOnlyAndWithTheDemoSinksInTheDemo() {
        assertEquals(Mode.window(), LaunchOptions.parse(List.of(), Map.of(), HOME).mode());
        assertEquals(Mode.readOnly(), LaunchOptions.parse(List.of("--read-only"), Map.of(), HOME).mode());
        assertEquals(Mode.demo(), LaunchOptions.parse(List.of("--demo"), Map.of(), HOME).mode());
        assertEquals(Mode.readOnly().withDemoSinks(),
                LaunchOptions.parse(List.of("--demo", "--read-only"), Map.of(), HOME).mode());
    }

    @Test
    void connectionNamesASavedConnectionAndOpensNoStore() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--connection", "eu-prod"), Map.of(), HOME);

        assertEquals(Optional.of("eu-prod"), inTest.connection());
        assertEquals(Optional.empty(), inTest.connect());
        assertTrue(LaunchOptions.isAppCommandLine(List.of("--connection", "eu-prod")));
    }

    @Test
    void connectOpensAnUnsavedServerWithItsTokenAndCaFilesNamedByItsHostAndPort() {
        LaunchOptions inTest = LaunchOptions.parse(List.of("--connect", "https://logs-eu:7431/", "--token-file",
                "/home/ana/eu.token", "--ca-file=/etc/batchyard/ca.pem"), Map.of(), HOME);

        dev.batchyard.connections.RemoteConnection remote = inTest.connect().orElseThrow();
        assertEquals("logs-eu:7431", remote.name());
        assertEquals(java.net.URI.create("https://logs-eu:7431"), remote.url());
        assertEquals(Optional.of(Path.of("/home/ana/eu.token")), remote.tokenFile());
        assertEquals(Optional.of(Path.of("/etc/batchyard/ca.pem")), remote.caFile());
        assertEquals(dev.batchyard.connections.Environment.DEV, remote.environment());
        assertTrue(LaunchOptions.isAppCommandLine(List.of("--connect", "https://logs-eu:7431")));
    }

    @Test
    void twoArgumentsThatEachNameWhatOpensAreRefusedTogether() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--connection", "eu-prod", "--store", "/srv/store"), Map.of(), HOME));
        assertEquals(LaunchArgumentException.Problem.CONFLICT, e.problem());
        assertEquals("Os argumentos --connection e --store não podem ser dados juntos: cada um diz o que a janela abre.",
                e.describe(PORTUGUESE).headline());

        LaunchArgumentException both = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--connect", "https://a:1", "--config", "/etc/by.yaml"), Map.of(), HOME));
        assertEquals("--connect", both.argument());
    }

    @Test
    void aTokenFileWithoutConnectIsRefusedNamingIt() {
        LaunchArgumentException e = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--token-file", "/home/ana/eu.token"), Map.of(), HOME));

        assertEquals(LaunchArgumentException.Problem.NEEDS_CONNECT, e.problem());
        assertEquals("O argumento --token-file vai junto com --connect URL.", e.describe(PORTUGUESE).headline());
    }

    @Test
    void aConnectUrlThatIsNotAServersIsRefusedWithTheReason() {
        LaunchArgumentException plain = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--connect", "http://logs-eu:7431"), Map.of(), HOME));
        assertEquals(LaunchArgumentException.Problem.BAD_VALUE, plain.problem());
        assertEquals("O argumento --connect não pode usar 'http://logs-eu:7431'.", plain.describe(PORTUGUESE).headline());
        assertTrue(plain.describe(PORTUGUESE).detail().contains("plain http to another machine"),
                plain.describe(PORTUGUESE).detail());

        LaunchArgumentException missing = assertThrows(LaunchArgumentException.class,
                () -> LaunchOptions.parse(List.of("--connect"), Map.of(), HOME));
        assertEquals(LaunchArgumentException.Problem.MISSING_VALUE, missing.problem());
        assertEquals("--connect", missing.argument());
    }
}
