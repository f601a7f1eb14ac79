/**
 * The store's first entries format, version 1: {@link dev.batchyard.codec.smile.SmileEntriesCodec},
 * Jackson Smile over the entries' own fields. Kept so that stores written with it still open.
 */
package dev.batchyard.codec.smile;
