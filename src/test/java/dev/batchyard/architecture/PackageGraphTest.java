package dev.batchyard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan under {@link DependencyRuleTest}: what counts as naming a package, and how a cycle is named. */
class PackageGraphTest {
    @TempDir
    Path sources;

    @Test
    void importsStaticImportsWildcardsAndQualifiedNamesInCodeCount() throws IOException {
        source("a", "A", """
                import dev.batchyard.b.B;
                import static dev.batchyard.c.C.*;
                import dev.batchyard.d.*;
                class A { Object x = new dev.batchyard.e.E(); }
                """);

        PackageGraph inTest = PackageGraph.scan(sources);

        for (String to : List.of("b", "c", "d", "e")) {
            assertTrue(inTest.imports("a", to), "a -> " + to);
        }
    }

    @Test
    void namesInCommentsAndLiteralsAreNoDependency() throws IOException {
        source("a", "A", """
                /** See {@link dev.batchyard.b.B}. */
                class A {
                    // dev.batchyard.c.C
                    String s = "dev.batchyard.d.D \\" dev.batchyard.e.E";
                    char q = '"';
                    String t = \"""
                        dev.batchyard.f.F
                        \""";
                    Object real = new dev.batchyard.g.G();
                }
                """);

        PackageGraph inTest = PackageGraph.scan(sources);

        assertEquals(List.of("g"), inTest.references().stream().map(PackageGraph.Reference::to).toList());
    }

    @Test
    void aCycleIsNamedPackageByPackage() throws IOException {
        source("a", "A", "import dev.batchyard.b.B;\nclass A {}\n");
        source("b", "B", "import dev.batchyard.c.C;\nclass B {}\n");
        source("c", "C", "import dev.batchyard.a.A;\nclass C {}\n");
        source("d", "D", "import dev.batchyard.a.A;\nclass D {}\n");

        PackageGraph inTest = PackageGraph.scan(sources);

        assertEquals(List.of("a -> b -> c -> a"), inTest.cycles(List.of()));
        assertEquals(List.of(), inTest.cycles(List.of("c -> a")), "without the edge that closes it");
    }

    @Test
    void javaFxIsFoundInImportsAndCodeOnly() throws IOException {
        source("a", "A", "import javafx.scene.Node;\nclass A {}\n");
        source("b", "B", "/** javafx.scene.Node */\nclass B { String s = \"javafx.scene.Node\"; }\n");

        PackageGraph inTest = PackageGraph.scan(sources);

        assertEquals(List.of("a"), inTest.javaFxReferences().stream().map(PackageGraph.Reference::from).toList());
        assertFalse(inTest.imports("b", "a"));
    }

    private void source(String pkg, String name, String body) throws IOException {
        Path dir = Files.createDirectories(sources.resolve("dev/batchyard").resolve(pkg));
        Files.writeString(dir.resolve(name + ".java"), "package dev.batchyard." + pkg + ";\n\n" + body);
    }
}
