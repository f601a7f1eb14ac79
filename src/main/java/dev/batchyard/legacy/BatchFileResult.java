package dev.batchyard.legacy;

import java.nio.file.Path;
import java.util.Objects;

/** What reading one {@code batch_*.json} gave: the batch, or why not. */
public sealed interface BatchFileResult {
    Path file();

    record Loaded(Path file, GoBatchFile batch) implements BatchFileResult {
        public Loaded {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(batch, "batch");
        }
    }

    /** @param detail what exactly is wrong, with line/column or JSON pointer where known */
    record Rejected(Path file, BatchFileProblem problem, String detail) implements BatchFileResult {
        public Rejected {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line for a log or a report: the file, the problem and the detail. */
        public String describe() {
            return file + ": " + problem.label() + ": " + detail;
        }
    }
}
