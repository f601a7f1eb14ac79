/**
 * What the entries codecs share: the {@link dev.batchyard.codec.EntriesCodec} interface the store
 * encodes a batch's entries with, the {@link dev.batchyard.codec.Compression} of its records, and
 * how a string UTF-8 cannot hold is kept ({@link dev.batchyard.codec.LoneSurrogates}). One
 * sub-package per format: {@code gojson} (the Go agent's JSON), {@code binary} (the store's,
 * version 2) and {@code smile} (version 1, still read). Codecs know the domain
 * ({@code dev.batchyard.model}) and nothing above it.
 */
package dev.batchyard.codec;
