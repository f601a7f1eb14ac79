/**
 * The Go agent's JSON for log entries, read and written losslessly and byte for byte as Go's
 * {@code encoding/json} writes it: {@link dev.batchyard.codec.gojson.GoJson} and the readers and
 * writers of its fields, values, numbers and times.
 */
package dev.batchyard.codec.gojson;
