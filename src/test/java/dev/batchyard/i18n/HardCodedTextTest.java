package dev.batchyard.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No view hands a control a hard-coded word: every text a person reads comes from a bundle, or
 * Portuguese operators would meet English in the middle of their screens. Literals without a
 * letter (empty, "·", "+", "%") are fine.
 */
class HardCodedTextTest {
    private static final Path APP = Path.of("src", "main", "java", "dev", "batchyard", "app");

    private static final Pattern SETTER = Pattern.compile(
            "\\.(setText|setTitle|setPromptText|setHeaderText|setContentText|setLabel|setAccessibleText)"
                    + "\\(\\s*()\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CONSTRUCTOR = Pattern.compile(
            "new (Label|Button|MenuItem|Menu|Tooltip|CheckBox|RadioButton|ToggleButton|Hyperlink|Tab|TitledPane"
                    + "|Text|CheckMenuItem|RadioMenuItem|TableColumn|TreeTableColumn|Notifications|ButtonType"
                    + "|XYChart\\.Series)(<[^>]*>)?\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void noViewOfTheAppHardCodesAWord() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String literal : wordsHandedToControls(lines.get(i))) {
                        found.add(APP.relativize(file) + ":" + (i + 1) + " \"" + literal + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanSeesTheUsualWaysOfHardCodingAndLetsSymbolsThrough() {
        assertEquals(List.of("Retry now"), wordsHandedToControls("retry.setText(\"Retry now\");"));
        assertEquals(List.of("Apagar"), wordsHandedToControls("Button b = new Button(\"Apagar\", icon);"));
        assertEquals(List.of("Size"), wordsHandedToControls("var c = new TableColumn<Row, String>(\"Size\");"));
        assertEquals(List.of("Nothing"), wordsHandedToControls("table.setPlaceholder(new Label(\"Nothing\"));"));
        assertEquals(List.of("Go"), wordsHandedToControls("new MenuItem(\"Go\")"));
        assertEquals(List.of(), wordsHandedToControls("label.setText(\"\"); sep.setText(\" \\u00b7 \"); x.setText(\"+\");"));
        assertEquals(List.of(), wordsHandedToControls("label.setText(texts.text(\"events.pause\"));"));
    }

    static List<String> wordsHandedToControls(String line) {
        List<String> words = new ArrayList<>();
        for (Pattern pattern : List.of(SETTER, CONSTRUCTOR)) {
            Matcher m = pattern.matcher(line);
            while (m.find()) {
                String literal = m.group(3);
                // a \\uXXXX escape has letters in it but shows a symbol
                if (LETTER.matcher(literal.replaceAll("\\\\u[0-9a-fA-F]{4}", "")).find()) {
                    words.add(literal);
                }
            }
        }
        return words;
    }
}
