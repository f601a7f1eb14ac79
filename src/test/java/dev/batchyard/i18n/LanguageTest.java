package dev.batchyard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void whatUsersTypeNamesALanguage() {
        assertEquals(Optional.of(Language.BRAZILIAN_PORTUGUESE), Language.parse("pt-BR"));
        assertEquals(Optional.of(Language.BRAZILIAN_PORTUGUESE), Language.parse("pt_br"));
        assertEquals(Optional.of(Language.BRAZILIAN_PORTUGUESE), Language.parse("pt"));
        assertEquals(Optional.of(Language.ENGLISH), Language.parse("en-US"));
        assertEquals(Optional.empty(), Language.parse("fr"));
        assertEquals(Optional.empty(), Language.parse(" "));
    }

    @Test
    void anyPortugueseLocaleIsBrazilianPortugueseAndTheRestEnglish() {
        assertEquals(Language.BRAZILIAN_PORTUGUESE, Language.of(new Locale("pt", "PT")));
        assertEquals(Language.ENGLISH, Language.of(Locale.GERMANY));
    }

    @Test
    void englishBundlesAreTheBaseBundlesWhateverTheOsLocale() {
        Locale os = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("pt-BR"));
            assertEquals("No batches.", Language.ENGLISH.bundle("dev.batchyard.cli.messages").getString("list.empty"));
            assertEquals("Nenhum lote.",
                    Language.BRAZILIAN_PORTUGUESE.bundle("dev.batchyard.cli.messages").getString("list.empty"));
        } finally {
            Locale.setDefault(os);
        }
    }

    @Test
    void theLanguageOptionIsFoundAndCanBeTakenOut() {
        List<String> args = List.of("--lang", "pt-BR", "list", "--lang=en", "--store", "x");

        assertEquals(Optional.of(Language.ENGLISH), LanguageOption.find(args));
        assertEquals(List.of("list", "--store", "x"), LanguageOption.without(args));
        assertEquals(List.of(), LanguageOption.without(List.of("--lang", "pt-BR")));
    }
}
