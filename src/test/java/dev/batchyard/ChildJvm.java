package dev.batchyard;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Starts a test class's {@code main} in a second JVM: another process on the same store. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** A process builder for {@code main} with {@code args}; stderr is discarded, stdin and stdout are piped. */
    public static ProcessBuilder of(Class<?> main, String... args) {
        return of(List.of(), main, args);
    }

    /** The same, with JVM options such as {@code -Xmx256m}. */
    public static ProcessBuilder of(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath()));
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    /** The test JVM's own class path and module path, flattened, for a child on the class path. */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            for (String part : System.getProperty(key, "").split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    entries.add(part);
                }
            }
        }
        entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        entries.add(Path.of("target", "classes").toAbsolutePath().toString());
        return String.join(File.pathSeparator, entries);
    }
}
