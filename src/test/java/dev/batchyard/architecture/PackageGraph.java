package dev.batchyard.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of a source tree name which Batchyard packages: through imports (static ones
 * too) and through fully-qualified names in code. Comments and literals are not code: a class
 * named in a Javadoc or a message is no dependency. Packages are written relative to
 * {@code dev.batchyard} ({@code engine.store}); the root package itself is {@code dev.batchyard}.
 */
final class PackageGraph {
    static final String ROOT = "dev.batchyard";

    /** A qualified name up to its first capitalised part (the class) or a wildcard. */
    private static final Pattern BATCHYARD_NAME =
            Pattern.compile("\\bdev\\.batchyard((?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*|\\*)");
    private static final Pattern JAVAFX_NAME = Pattern.compile("\\bjavafx(?:\\.\\w+)+");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** One place where a source names something outside its own package. */
    record Reference(String file, String from, String to, String name) {
        @Override
        public String toString() {
            return file + " names " + name;
        }
    }

    private final List<Reference> references;
    private final List<Reference> javaFx;
    private final Set<String> packages;

    private PackageGraph(List<Reference> references, List<Reference> javaFx, Set<String> packages) {
        this.references = references;
        this.javaFx = javaFx;
        this.packages = packages;
    }

    /** Scans every {@code .java} file under {@code sourceRoot} except {@code module-info.java}. */
    static PackageGraph scan(Path sourceRoot) throws IOException {
        List<Reference> references = new ArrayList<>();
        List<Reference> javaFx = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (path.getFileName().toString().equals("module-info.java")) {
                    continue;
                }
                String code = code(Files.readString(path));
                Matcher declared = PACKAGE.matcher(code);
                if (!declared.find()) {
                    throw new IllegalStateException(path + " declares no package");
                }
                String from = relative(declared.group(1));
                packages.add(from);
                String file = sourceRoot.relativize(path).toString();
                for (Matcher m = BATCHYARD_NAME.matcher(code); m.find(); ) {
                    String to = m.group(1).isEmpty() ? ROOT : m.group(1).substring(1);
                    if (!to.equals(from)) {
                        references.add(new Reference(file, from, to, m.group()));
                    }
                }
                for (Matcher m = JAVAFX_NAME.matcher(code); m.find(); ) {
                    javaFx.add(new Reference(file, from, "javafx", m.group()));
                }
            }
        }
        return new PackageGraph(List.copyOf(references), List.copyOf(javaFx), packages);
    }

    /** Every place a source under {@code sourceRoot} names something in the package tree {@code prefix} (e.g. {@code org.eclipse.jetty}). */
    static List<Reference> scanNames(Path sourceRoot, String prefix) throws IOException {
        Pattern name = Pattern.compile("\\b" + Pattern.quote(prefix) + "(?:\\.\\w+)+");
        List<Reference> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path path : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (path.getFileName().toString().equals("module-info.java")) {
                    continue;
                }
                String code = code(Files.readString(path));
                Matcher declared = PACKAGE.matcher(code);
                String from = declared.find() ? relative(declared.group(1)) : "?";
                for (Matcher m = name.matcher(code); m.find(); ) {
                    out.add(new Reference(sourceRoot.relativize(path).toString(), from, prefix, m.group()));
                }
            }
        }
        return out;
    }

    Set<String> packages() {
        return packages;
    }

    List<Reference> references() {
        return references;
    }

    List<Reference> javaFxReferences() {
        return javaFx;
    }

    boolean imports(String from, String to) {
        return references.stream().anyMatch(r -> r.from().equals(from) && r.to().equals(to));
    }

    /**
     * One cycle (as {@code a -> b -> a}, a shortest one) for each group of packages that reach each
     * other, naming the whole group when it is larger than that cycle; leaves out the edges in
     * {@code ignored} ({@code "a -> b"}). Empty when the graph has no cycle.
     */
    List<String> cycles(Collection<String> ignored) {
        Map<String, Set<String>> edges = new TreeMap<>();
        packages.forEach(p -> edges.put(p, new TreeSet<>()));
        for (Reference r : references) {
            if (!ignored.contains(r.from() + " -> " + r.to())) {
                edges.computeIfAbsent(r.from(), k -> new TreeSet<>()).add(r.to());
                edges.computeIfAbsent(r.to(), k -> new TreeSet<>());
            }
        }
        List<String> out = new ArrayList<>();
        for (Set<String> group : new StronglyConnected(edges).groups()) {
            if (group.size() > 1) {
                String cycle = shortestCycle(group.iterator().next(), group, edges);
                boolean more = cycle.split(" -> ").length - 1 < group.size();
                out.add(more ? cycle + " (one loop among " + String.join(", ", group) + ")" : cycle);
            }
        }
        return out;
    }

    /** Breadth first from {@code start} back to itself, inside one strongly connected group. */
    private static String shortestCycle(String start, Set<String> group, Map<String, Set<String>> edges) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : edges.get(at)) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String p = at; !p.equals(start); p = cameFrom.get(p)) {
                        path.add(1, p);
                    }
                    path.add(start);
                    return String.join(" -> ", path);
                }
                if (group.contains(next) && cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException(start + " is in no cycle of " + group);
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? ROOT : pkg.substring(ROOT.length() + 1);
    }

    /** The source with comments removed and the insides of string and character literals emptied. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                i = endOfLiteral(source, i + 3, "\"\"\"");
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i + 1, String.valueOf(c));
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String source, int from, String close) {
        int i = from;
        while (i < source.length() && !source.startsWith(close, i)) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + close.length());
    }
}
