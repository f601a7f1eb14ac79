package dev.batchyard.legacy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What importing one Go batch file did: {@link Imported} (or would be, in a dry run), or one of the
 * {@link Skipped} cases. A skip carries a stable {@link Skipped#code() code} that the CLI prints in
 * its JSON and that the CLI and the app turn into their own words, and a
 * {@link Skipped#detail() detail} naming the offset, key or id.
 */
public sealed interface GoImportOutcome {
    /** The {@code batch_*.json} this is about. */
    Path file();

    /** @param unkept what of the file the store does not model (kept as extras), or empty */
    record Imported(Path file, String unkept) implements GoImportOutcome {
        public Imported {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(unkept, "unkept");
        }
    }

    /** Not imported, for a reason. */
    sealed interface Skipped extends GoImportOutcome {
        /**
         * {@code EMPTY}, {@code CUT_SHORT}, ... (a {@link BatchFileProblem} name), {@code present},
         * {@code badId}, {@code storeFull} or {@code refused}.
         */
        String code();

        /** What exactly: the offset, key, id or the store's message; may be empty. */
        String detail();
    }

    /** The file is not a batch that can be read: empty, cut short, not JSON, unreadable, ... */
    record Unusable(Path file, BatchFileProblem problem, String detail) implements Skipped {
        public Unusable {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String code() {
            return problem.name();
        }
    }

    /** The batch's id is already stored, or an earlier file of this directory had it. */
    record AlreadyPresent(Path file, String id) implements Skipped {
        public AlreadyPresent {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String code() {
            return "present";
        }

        @Override
        public String detail() {
            return id;
        }
    }

    /** The batch's id is one the store cannot hold; {@code problem} says why. */
    record BadId(Path file, String problem) implements Skipped {
        public BadId {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String code() {
            return "badId";
        }

        @Override
        public String detail() {
            return problem;
        }
    }

    /** The store is full: it holds {@code max_pending_batches} already; {@code detail} is its message. */
    record StoreFull(Path file, String detail) implements Skipped {
        public StoreFull {
            Objects.requireNonNull(file, "file");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String code() {
            return "storeFull";
        }
    }

    /** The store refused the batch for another reason; {@code detail} is its message. */
    record Refused(Path file, String detail) implements Skipped {
        public Refused {
            Objects.requireNonNull(file, "file");
            detail = detail == null ? "" : detail;
        }

        @Override
        public String code() {
            return "refused";
        }
    }
}
