package dev.batchyard.sink.kafka;

import dev.batchyard.sink.ConfigNode;
import java.util.Set;

/** The kafka sink's rule for keys: one it does not know is a typo to report, not to ignore. */
final class Keys {
    private Keys() {
    }

    static void refuseUnknown(ConfigNode node, Set<String> allowed) {
        for (String key : node.fieldNames()) {
            if (!allowed.contains(key)) {
                throw node.invalid(key, ConfigNode.HIDDEN, "is not a key of this block; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
