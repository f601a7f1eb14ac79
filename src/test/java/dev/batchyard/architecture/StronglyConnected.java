package dev.batchyard.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tarjan's strongly connected components of a small directed graph: the groups of nodes that can
 * all reach one another. A node in no cycle is a group of its own. Recursive, which is fine for
 * the few dozen packages of this project.
 */
final class StronglyConnected {
    private final Map<String, Set<String>> edges;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final List<Set<String>> groups = new ArrayList<>();

    /** @param edges every node as a key, with the nodes it points to */
    StronglyConnected(Map<String, Set<String>> edges) {
        this.edges = edges;
        for (String node : edges.keySet()) {
            if (!index.containsKey(node)) {
                visit(node);
            }
        }
    }

    /** Each group sorted by name. */
    List<Set<String>> groups() {
        return groups;
    }

    private void visit(String node) {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        for (String next : edges.get(node)) {
            if (!index.containsKey(next)) {
                visit(next);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
            } else if (stack.contains(next)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            Set<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                group.add(member);
            } while (!member.equals(node));
            groups.add(group);
        }
    }
}
