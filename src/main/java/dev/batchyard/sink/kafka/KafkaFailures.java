package dev.batchyard.sink.kafka;

import java.util.function.BooleanSupplier;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Words what the producer threw into a reason an operator can act on, and says whether trying
 * again can help. Each failure the sink's health must tell apart has its own words:
 * <table>
 * <caption>Kafka failures</caption>
 * <tr><th>failure</th><th>retryable</th><th>why</th></tr>
 * <tr><td>no broker reachable</td><td>yes</td><td>brokers come back</td></tr>
 * <tr><td>topic missing</td><td>yes</td><td>an operator creates it; the batches wait, they are not at fault</td></tr>
 * <tr><td>authentication failed</td><td>yes</td><td>a wrong password or TLS setup is the sink's, not a batch's:
 *     failing the batches for good would send a whole backlog {@code DEAD} over one typo; the
 *     breaker opens and the health says why</td></tr>
 * <tr><td>not authorized</td><td>yes</td><td>the same: an ACL an operator grants</td></tr>
 * <tr><td>record too large</td><td>no</td><td>this entry will never fit; only a change of
 *     {@code max_message_bytes} (or the topic's limit) and an operator's retry can help</td></tr>
 * <tr><td>record refused as invalid</td><td>no</td><td>the broker will refuse it again</td></tr>
 * <tr><td>anything else</td><td>yes</td><td>nothing is lost by waiting</td></tr>
 * </table>
 * Reasons name brokers, topic and user, never a password. Stateless.
 */
final class KafkaFailures {
    private final KafkaSettings settings;
    private final String where;

    KafkaFailures(KafkaSettings settings) {
        this.settings = settings;
        this.where = String.join(",", settings.brokers());
    }

    /** A worded failure and whether another attempt can succeed. */
    record Worded(String reason, boolean retryable, boolean wholeBatch) {
    }

    /**
     * @param connected whether the producer holds a connection to a broker now (it tells an
     *                  unreachable cluster from a missing topic when waiting for metadata timed out)
     */
    Worded word(Throwable error, int recordBytes, BooleanSupplier connected) {
        Throwable e = error.getCause() != null && !(error instanceof KafkaException)
                ? error.getCause() : error;
        if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException) {
            return new Worded("record too large: " + recordBytes + " bytes as sent (JSON, key and headers), over"
                    + " max_message_bytes " + settings.maxMessageBytes() + " or the topic's max.message.bytes: "
                    + e.getMessage(), false, false);
        }
        if (e instanceof InvalidRecordException || e instanceof CorruptRecordException) {
            return new Worded("record refused by the broker as invalid: " + e.getMessage(), false, false);
        }
        if (e instanceof SslAuthenticationException) {
            return new Worded("TLS handshake with " + where + " failed (check tls.ca_file, cert_file and key_file,"
                    + " and the broker's certificate and host name): " + e.getMessage(), true, true);
        }
        if (e instanceof AuthenticationException) {
            return new Worded("authentication failed at " + where + " (SASL " + settings.auth().mechanism() + " as '"
                    + settings.auth().username() + "'): " + e.getMessage() + "; check auth in config.yaml", true, true);
        }
        if (e instanceof TopicAuthorizationException) {
            return new Worded("not authorized to write to topic '" + settings.topic() + "'" + asUser()
                    + ": grant it WRITE (and DESCRIBE) on the topic", true, true);
        }
        if (e instanceof ClusterAuthorizationException || e instanceof AuthorizationException) {
            return new Worded("not authorized at " + where + asUser() + ": " + e.getMessage(), true, true);
        }
        if (e instanceof UnknownTopicOrPartitionException) {
            return topicMissing();
        }
        if (e instanceof TimeoutException && String.valueOf(e.getMessage()).contains("not present in metadata")) {
            return connected.getAsBoolean() ? topicMissing()
                    : new Worded("no broker reachable at " + where + " within " + settings.timeout().toMillis()
                    + " ms (refused, unresolvable or not answering); the batch waits", true, true);
        }
        if (e instanceof TimeoutException) {
            return new Worded("no acknowledgement from " + where + " within timeout " + settings.timeout().toMillis()
                    + " ms: " + e.getMessage(), true, false);
        }
        return new Worded(e.getClass().getSimpleName() + " from " + where + ": " + e.getMessage(), true, false);
    }

    private Worded topicMissing() {
        return new Worded("topic '" + settings.topic() + "' does not exist at " + where
                + " (and the brokers do not create topics on first use): create it", true, true);
    }

    private String asUser() {
        return settings.auth().enabled() ? " as '" + settings.auth().username() + "'" : "";
    }
}
