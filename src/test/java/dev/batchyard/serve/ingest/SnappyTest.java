package dev.batchyard.serve.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checked against the reference implementation's output (snappy-java, the C++ library). */
class SnappyTest {
    private static final int LIMIT = 64 * 1024 * 1024;

    @Test
    void decompressesWhatTheReferenceCompressorWrites() throws Exception {
        Random random = new Random(16);
        for (int size : new int[]{0, 1, 59, 60, 61, 255, 256, 65_536, 70_000, 1_000_000}) {
            byte[] text = logLike(random, size);
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            for (byte[] original : new byte[][]{text, noise}) {
                byte[] compressed = org.xerial.snappy.Snappy.compress(original);

                assertArrayEquals(original, Snappy.decompress(compressed, LIMIT, "k"), "size " + size);
            }
        }
    }

    @Test
    void overlappingCopiesRepeatARun() throws Exception {
        byte[] original = "a".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

        assertArrayEquals(original, Snappy.decompress(org.xerial.snappy.Snappy.compress(original), LIMIT, "k"));
    }

    @Test
    void aBlockClaimingMoreThanTheLimitIsRefusedBeforeDecompressing() throws Exception {
        byte[] bomb = org.xerial.snappy.Snappy.compress(new byte[10_000_000]);

        BodyTooLargeException e = assertThrows(BodyTooLargeException.class,
                () -> Snappy.decompress(bomb, 1_000_000, "serve.limits.max_decoded_bytes"));

        assertEquals("the snappy body decompresses to 10000000 bytes, over the limit of 1000000"
                + " (serve.limits.max_decoded_bytes)", e.getMessage());
    }

    @Test
    void aLengthClaimOf4GiBIsRefusedAsTooLarge() {
        byte[] claim = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};

        assertThrows(BodyTooLargeException.class, () -> Snappy.decompress(claim, LIMIT, "k"));
    }

    @Test
    void aCutBlockFailsNamingTheOffset() throws Exception {
        byte[] compressed = org.xerial.snappy.Snappy.compress(logLike(new Random(1), 5000));

        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> Snappy.decompress(Arrays.copyOf(compressed, compressed.length - 10), LIMIT, "k"));

        assertTrue(e.getMessage().startsWith("not a valid snappy block at byte "), e.getMessage());
    }

    @Test
    void aCopyFromBeforeTheStartIsRefused() {
        byte[] block = {8, 0x01 | (3 << 2), 0x05}; // 8 bytes, then a copy of 7 from offset 5 with nothing written

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> Snappy.decompress(block, LIMIT, "k"));

        assertTrue(e.getMessage().contains("a copy from 5 bytes back, with only 0 bytes written"), e.getMessage());
    }

    @Test
    void aBlockShorterThanItsDeclaredLengthIsRefused() {
        byte[] block = {10, 0x00, 'x'}; // claims 10 bytes, holds a literal of 1

        MalformedBodyException e = assertThrows(MalformedBodyException.class, () -> Snappy.decompress(block, LIMIT, "k"));

        assertTrue(e.getMessage().contains("ends after 1 of its declared 10 bytes"), e.getMessage());
    }

    @Test
    void aLiteralPastTheDeclaredLengthIsRefused() {
        byte[] block = {1, 0x04, 'x', 'y'}; // claims 1 byte, holds a literal of 2

        assertThrows(MalformedBodyException.class, () -> Snappy.decompress(block, LIMIT, "k"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        MalformedBodyException e = assertThrows(MalformedBodyException.class,
                () -> Snappy.decompress(new byte[0], LIMIT, "k"));

        assertTrue(e.getMessage().contains("the body is empty"), e.getMessage());
    }

    @Test
    void randomBytesFailOnlyWithItsOwnErrors() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            try {
                Snappy.decompress(junk, 4096, "k");
            } catch (MalformedBodyException | BodyTooLargeException expected) {
                // the only ways it may fail
            }
        }
    }

    private static byte[] logLike(Random random, int size) {
        StringBuilder out = new StringBuilder();
        String[] words = {"level=info", "msg=\"request done\"", "status=200", "path=/api/v1/push", "took=12ms"};
        while (out.length() < size) {
            out.append(words[random.nextInt(words.length)]).append(random.nextInt(1000)).append(' ');
        }
        return Arrays.copyOf(out.toString().getBytes(StandardCharsets.US_ASCII), size);
    }
}
