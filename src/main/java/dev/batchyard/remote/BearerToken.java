package dev.batchyard.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The admin API token a remote console sends as {@code Authorization: Bearer}. Its characters are
 * never in a message, a log line or {@link #toString()}: errors say where the token came from and at
 * which position it is wrong, never what it is. A token with a line break or another control
 * character is refused (it would split the header, or was pasted with the file's end of line
 * inside it); one trailing line break of a token file is the file's, and is dropped.
 */
public final class BearerToken {
    /** Far beyond any token {@code serve} makes; a longer one is a wrong file. */
    static final int MAX_CHARS = 4096;

    private final char[] chars;
    private final String source;

    private BearerToken(char[] chars, String source) {
        this.chars = chars;
        this.source = source;
    }

    /**
     * A token given as characters (typed into a dialog); the array is copied.
     *
     * @throws IllegalArgumentException when it is empty, too long, or holds a control character or a space
     */
    public static BearerToken of(char[] token) {
        return checked(Arrays.copyOf(token, token.length), "the token given");
    }

    /**
     * The token in {@code file} (UTF-8; one trailing line break allowed).
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it holds no usable token
     */
    public static BearerToken fromFile(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_CHARS * 4L) {
                throw new IllegalArgumentException("the token file " + file + " is " + Files.size(file)
                        + " bytes: not a token (at most " + MAX_CHARS + " characters)");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token file " + file + ": " + e.getMessage(), e);
        }
        char[] chars;
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            chars = new char[decoded.remaining()];
            decoded.get(chars);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the token file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        int end = chars.length;
        if (end > 0 && chars[end - 1] == '\n') {
            end--;
            if (end > 0 && chars[end - 1] == '\r') {
                end--;
            }
        }
        char[] token = Arrays.copyOf(chars, end);
        Arrays.fill(chars, '\0');
        return checked(token, "the token file " + file);
    }

    private static BearerToken checked(char[] token, String source) {
        if (token.length == 0) {
            throw new IllegalArgumentException(source + " is empty: a token is needed");
        }
        if (token.length > MAX_CHARS) {
            throw new IllegalArgumentException(source + " has " + token.length + " characters: not a token (at most "
                    + MAX_CHARS + ")");
        }
        for (int i = 0; i < token.length; i++) {
            char c = token[i];
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException(source + " has a line break at character " + (i + 1)
                        + ": a token is one line (was more than the token pasted?)");
            }
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c > 0x7e) {
                throw new IllegalArgumentException(source + " has a control character, a space or a character"
                        + " beyond ASCII at character " + (i + 1) + ": an HTTP header cannot carry it");
            }
        }
        return new BearerToken(token, source);
    }

    /** The {@code Authorization} header's value. Only the HTTP client calls this. */
    String header() {
        return "Bearer " + new String(chars);
    }

    /** Where the token came from, for messages (never the token). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "BearerToken[from " + source + "]";
    }
}
