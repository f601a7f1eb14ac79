package dev.batchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.MemoryPreferences;
import dev.batchyard.i18n.Language;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {
    private final Preferences prefs = MemoryPreferences.node();
    private final LanguageChoice inTest = new LanguageChoice(prefs);

    @AfterEach
    void forget() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void aRememberedChoiceBeatsTheOsLanguage() {
        inTest.remember(Language.BRAZILIAN_PORTUGUESE);

        assertEquals(Language.BRAZILIAN_PORTUGUESE, new LanguageChoice(prefs).resolve(Optional.empty()));
    }

    @Test
    void theCommandLineBeatsTheRememberedChoiceWithoutReplacingIt() {
        inTest.remember(Language.BRAZILIAN_PORTUGUESE);

        assertEquals(Language.ENGLISH, inTest.resolve(Optional.of(Language.ENGLISH)));
        assertEquals(Optional.of(Language.BRAZILIAN_PORTUGUESE), inTest.remembered());
    }

    @Test
    void withNothingRememberedTheOsLanguageIsSpoken() {
        assertEquals(Language.ofSystem(), inTest.resolve(Optional.empty()));
    }

    @Test
    void theMessagesOfALanguageAreInThatLanguage() {
        assertEquals("Idioma", LanguageChoice.messages(Language.BRAZILIAN_PORTUGUESE).text("menu.language"));
        assertEquals("Language", LanguageChoice.messages(Language.ENGLISH).text("menu.language"));
    }
}
