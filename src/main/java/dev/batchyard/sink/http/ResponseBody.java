package dev.batchyard.sink.http;

/**
 * The part of a response body that was read: at most the poster's limit, then the rest was
 * refused ({@code cut}) and the connection dropped, so a huge or endless answer costs neither
 * memory nor time.
 *
 * @param text the bytes read, as UTF-8 (a character cut in half at the limit becomes U+FFFD)
 * @param cut  whether the body went on beyond what was read
 */
record ResponseBody(String text, boolean cut) {
}
