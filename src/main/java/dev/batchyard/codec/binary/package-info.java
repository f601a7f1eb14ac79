/**
 * The store's entries format, version 2: {@link dev.batchyard.codec.binary.BinaryEntriesCodec}
 * (components by bit, shared short strings, relative times). Only the codec is public.
 */
package dev.batchyard.codec.binary;
