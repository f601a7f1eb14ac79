package dev.batchyard.app.health;

import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import dev.batchyard.model.DamageKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * One damage report in the operator's words: the kind translated, the file by name, the batches as a
 * short list for a cell or all of them for the details. What is wrong and what was done stay as the
 * store wrote them (in English; they name the file, offset and batch exactly).
 */
final class DamageWords {
    /** Ids a table cell shows before "+n more". */
    static final int IDS_IN_A_CELL = 2;
    /** Ids the details show before "+n more" (a region's ids can be many). */
    static final int IDS_IN_DETAILS = 1_000;

    private final Formats formats;
    private final Messages messages;

    DamageWords(Formats formats) {
        this.formats = formats;
        this.messages = formats.messages();
    }

    String kind(DamageKind kind) {
        return messages.text("health.kind." + kind.name());
    }

    /** The file's name ({@code 00000000000000000003.seg}); the details give the whole path. */
    String fileName(String file) {
        try {
            Path name = Path.of(file).getFileName();
            return name == null ? file : name.toString();
        } catch (InvalidPathException e) {
            return file; // as the store wrote it
        }
    }

    /** The first few ids and how many more, or a dash when none is known. */
    String batches(List<String> ids) {
        return batches(ids, IDS_IN_A_CELL);
    }

    /** Everything the report says, one field a line, for reading and copying (the offset in plain digits, for tools). */
    String details(CorruptionFound damage) {
        return messages.format("health.details", formats.dateTime(damage.at()), kind(damage.kind()), damage.file(),
                Long.toString(damage.offset()), batches(damage.batchIds(), IDS_IN_DETAILS), damage.detail(),
                damage.action());
    }

    private String batches(List<String> ids, int shown) {
        if (ids.isEmpty()) {
            return messages.text("value.none");
        }
        String first = String.join(", ", ids.subList(0, Math.min(shown, ids.size())));
        return ids.size() <= shown ? first : messages.format("health.batches.more", first, ids.size() - shown);
    }
}
