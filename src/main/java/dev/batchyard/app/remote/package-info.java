/**
 * A window over a remote {@code serve}: how its connection stands (the banner, the status bar's
 * note), and what follows from it (changes refused while the server is away, the table and counts
 * read again when it is back, what was missed meanwhile said).
 */
package dev.batchyard.app.remote;
