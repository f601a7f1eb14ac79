package dev.batchyard.training.scenario;

import dev.batchyard.i18n.Language;
import java.util.Objects;

/**
 * A scenario's text in both of Batchyard's languages. The texts live in the scenario file itself,
 * not in a bundle: a trainer's own scenario is one file to hand around, and its words belong to it.
 */
public record Text(String en, String pt) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(pt, "pt");
    }

    public String in(Language language) {
        return language == Language.BRAZILIAN_PORTUGUESE ? pt : en;
    }
}
