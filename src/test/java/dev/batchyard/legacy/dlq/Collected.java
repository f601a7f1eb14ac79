package dev.batchyard.legacy.dlq;

import java.util.ArrayList;
import java.util.List;

/** Everything a scan visited, in order. */
final class Collected implements DlqVisitor {
    final List<DeadLetter> letters = new ArrayList<>();
    final List<DamagedLine> damaged = new ArrayList<>();
    final List<RefusedFile> refused = new ArrayList<>();

    @Override
    public void letter(DeadLetter letter) {
        letters.add(letter);
    }

    @Override
    public void damaged(DamagedLine line) {
        damaged.add(line);
    }

    @Override
    public void refused(RefusedFile file) {
        refused.add(file);
    }

    List<String> damage() {
        return damaged.stream().map(DamagedLine::describe).toList();
    }

    List<String> places() {
        return letters.stream().map(DeadLetter::place).toList();
    }
}
