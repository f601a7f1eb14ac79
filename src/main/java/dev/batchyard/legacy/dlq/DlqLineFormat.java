package dev.batchyard.legacy.dlq;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.batchyard.codec.gojson.GoFailureReader;
import dev.batchyard.codec.gojson.GoFailureWriter;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.codec.gojson.JsonShapeException;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.KeyForm;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One line of the Go agent's dead-letter file ({@code json_format: true}): {@code json.Marshal} of
 * its {@code DLQEntry} and a newline. Reading then writing a line the agent wrote gives the same
 * bytes; any other line that reads gives the same JSON value. Thread-safe.
 *
 * <p>Reading is careful where the agent's own reader is not: it takes any JSON object as an entry
 * ({@code {"hello":"world"}} becomes an all-zero entry), this one wants an {@code original_entry}
 * object, a {@code timestamp}, a {@code failed_sink} and an {@code entry_id}, and every field it
 * knows in Go's type. A line of the agent's text format ({@code json_format: false},
 * {@code [<time>] SINK:... ERROR:... RETRY:... MSG:... ORIGINAL:...}) is recognised and refused as
 * {@link LineProblem#TEXT_FORMAT}: it keeps only the entry's message, not its times, labels, fields
 * or ids, so importing it would make up an entry that never was.
 */
public final class DlqLineFormat {
    private static final Pattern TEXT_LINE = Pattern.compile("^\\s*\\[[^\\]\\s]{10,40}\\] SINK:.* ERROR:.* RETRY:");
    private final GoJson json;

    public DlqLineFormat(GoJson json) {
        this.json = json;
    }

    /** The line's bytes, its newline included. */
    public byte[] write(LogEntry entry, EntryFailure failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.generator(out, false)) {
            GoFailureWriter.write(g, failure, entry);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the dead-letter line of entry '" + failure.entryId() + "'", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads {@code length} bytes of {@code bytes} (a line without its newline).
     *
     * @param endsFile true when the line is the file's last and had no newline: Go ends every line
     *                 with one, so such a line that does not read was cut short
     */
    public DlqLine read(Path file, long line, byte[] bytes, int length, boolean endsFile) {
        if (isBlank(bytes, length)) {
            return new DamagedLine(file, line, LineProblem.BLANK, length + " bytes of white space");
        }
        if (TEXT_LINE.matcher(new String(bytes, 0, Math.min(length, 200), StandardCharsets.UTF_8)).find()) {
            return new DamagedLine(file, line, LineProblem.TEXT_FORMAT, "written with json_format: false, which keeps"
                    + " only the entry's message, not its times, labels, fields or ids; not imported");
        }
        try (JsonParser p = json.parser(bytes, 0, length)) {
            p.nextToken();
            GoFailureReader.Read read = GoFailureReader.read(p);
            if (p.nextToken() != null) {
                return new DamagedLine(file, line, LineProblem.NOT_JSON, "more data after the entry's object at column "
                        + p.currentTokenLocation().getColumnNr());
            }
            String missing = missing(read);
            if (missing != null) {
                return new DamagedLine(file, line, LineProblem.NOT_AN_ENTRY, missing);
            }
            return new DeadLetter(file, line, read.entry(), read.failure(), length);
        } catch (JsonShapeException e) {
            return new DamagedLine(file, line, LineProblem.NOT_AN_ENTRY, e.getMessage());
        } catch (JsonEOFException e) {
            return cut(file, line, length);
        } catch (JsonProcessingException e) {
            boolean atEnd = e.getLocation() != null && e.getLocation().getByteOffset() >= length;
            return atEnd || endsFile ? cut(file, line, length)
                    : new DamagedLine(file, line, LineProblem.NOT_JSON, oneLine(e));
        } catch (IOException e) {
            return new DamagedLine(file, line, LineProblem.NOT_JSON, String.valueOf(e));
        }
    }

    /** What a careful reader needs that the agent's own does not check, or null if it is all there. */
    private static String missing(GoFailureReader.Read read) {
        EntryFailure f = read.failure();
        if (read.entry() == null) {
            return "no original_entry: a JSON object, but not a dead-letter entry";
        }
        if (f.entryId().isEmpty()) {
            return "no entry_id, the entry's key";
        }
        if (f.sink().isEmpty()) {
            return "no failed_sink";
        }
        KeyForm at = f.forms().get("timestamp");
        if (f.at() == null || at != null && at.kind() == KeyForm.Kind.ABSENT) {
            return "no timestamp";
        }
        return null;
    }

    private static DamagedLine cut(Path file, long line, int length) {
        return new DamagedLine(file, line, LineProblem.CUT_SHORT, "ends after " + length + " bytes, before its JSON"
                + " does (a crash in the middle of the agent's append)");
    }

    private static String oneLine(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
        return e.getOriginalMessage().replace('\n', ' ').replace('\r', ' ') + where;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
